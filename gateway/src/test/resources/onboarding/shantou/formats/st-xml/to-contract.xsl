<?xml version="1.0" encoding="UTF-8"?>
<!-- Shantou's case messages → contract v1. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="/case-message">
    <xsl:if test="not(@type = ('complaint', 'status'))">
      <xsl:message terminate="yes">Shantou sends complaint and status messages, not '{@type}'.</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <Envelope>
        <MessageId>{id}</MessageId>
        <MessageType>{if (@type = 'complaint') then 'COMPLAINT' else 'STATUS_UPDATE'}</MessageType>
        <Sender>{from}</Sender>
        <xsl:for-each select="to[normalize-space()]"><Receiver>{.}</Receiver></xsl:for-each>
        <xsl:for-each select="refs/ref"><CaseRef>{.}</CaseRef></xsl:for-each>
        <SentAt>{sent}</SentAt>
        <ContractVersion>1.0</ContractVersion>
      </Envelope>
      <xsl:apply-templates select="complaint | status"/>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="complaint">
    <Complaint>
      <OriginCaseNumber>{case-no}</OriginCaseNumber>
      <Complainant>
        <Name>{consumer/name}</Name>
        <Phone>{consumer/phone}</Phone>
        <xsl:for-each select="consumer/id-no[normalize-space()]"><IdNumber>{.}</IdNumber></xsl:for-each>
      </Complainant>
      <Respondent>
        <Name>{business/name}</Name>
        <xsl:for-each select="business/uscc[normalize-space()]"><CreditCode>{.}</CreditCode></xsl:for-each>
        <xsl:for-each select="business/reg-no[normalize-space()]"><RegistrationNumber>{.}</RegistrationNumber></xsl:for-each>
        <Address>{business/address}</Address>
        <xsl:for-each select="business/area[normalize-space()]"><DivisionCode>{.}</DivisionCode></xsl:for-each>
        <xsl:for-each select="business/kind[normalize-space()]"><Kind>{.}</Kind></xsl:for-each>
      </Respondent>
      <Purchase>
        <Channel>{purchase/@channel}</Channel>
        <xsl:for-each select="purchase/@platform"><Platform>{.}</Platform></xsl:for-each>
        <xsl:for-each select="purchase/@store"><Store>{.}</Store></xsl:for-each>
        <Date>{purchase/@date}</Date>
        <Amount currency="{purchase/@currency}">{purchase/@amount}</Amount>
      </Purchase>
      <Category>{category}</Category>
      <Facts>{facts}</Facts>
      <Requests>
        <xsl:for-each select="tokenize(requests)"><Request>{.}</Request></xsl:for-each>
      </Requests>
      <ReceivedAt>{received}</ReceivedAt>
      <xsl:for-each select="receiving-org[normalize-space()]"><ReceivingAuthority>{.}</ReceivingAuthority></xsl:for-each>
    </Complaint>
  </xsl:template>

  <xsl:template match="status">
    <StatusUpdate>
      <CaseRef>{@case}</CaseRef>
      <State>{@state}</State>
      <xsl:for-each select="reason[normalize-space()]"><Reason>{.}</Reason></xsl:for-each>
      <By>{@by}</By>
      <At>{@at}</At>
      <xsl:for-each select="note[normalize-space()]"><Note>{.}</Note></xsl:for-each>
    </StatusUpdate>
  </xsl:template>
</xsl:stylesheet>
