<?xml version="1.0" encoding="UTF-8"?>
<!--
  hkmo-xml → contract v1. The Hong Kong and Macao consumer councils (消費者委員會, 消費者委員會(澳門)) write
  Traditional Chinese; the contract is Simplified, so every free text passes through fx:simplified. Businesses in
  Hong Kong or Macao carry a business registration number (BRNo → RegistrationNumber), mainland ones a credit code
  (USCC → CreditCode). Dates are dd/MM/yyyy, amounts keep their currency (HKD, MOP or CNY).
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:hk="urn:cn:consumer-exchange:formats:hkmo-xml"
    xmlns:cc="urn:hkmo:consumer-council:cross-boundary-case:1"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="/cc:CouncilMessage">
    <xsl:variable name="kind" select="string(cc:Header/cc:MessageKind)"/>
    <xsl:if test="not($kind = ('CASE', 'PROGRESS'))">
      <xsl:message terminate="yes">The councils send CASE and PROGRESS messages to the exchange (/CouncilMessage/Header/MessageKind).</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <xsl:apply-templates select="cc:Header"/>
      <xsl:apply-templates select="cc:Case | cc:Progress"/>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a CouncilMessage in namespace urn:hkmo:consumer-council:cross-boundary-case:1, found <xsl:value-of
        select="name()"/>.</xsl:message>
  </xsl:template>

  <xsl:template match="cc:Header">
    <Envelope>
      <xsl:sequence select="hk:element('MessageId', cc:MessageRef)"/>
      <xsl:sequence select="hk:element('MessageType', fx:code('message-kind', cc:MessageKind))"/>
      <xsl:sequence select="hk:element('Sender', cc:FromBody)"/>
      <xsl:sequence select="hk:element('Receiver', cc:ToBody)"/>
      <xsl:for-each select="cc:RelatedRef">
        <xsl:sequence select="hk:element('CaseRef', .)"/>
      </xsl:for-each>
      <xsl:sequence select="hk:element('SentAt', cc:IssuedAt)"/>
      <ContractVersion>1.0</ContractVersion>
    </Envelope>
  </xsl:template>

  <xsl:template match="cc:Case">
    <Complaint>
      <xsl:sequence select="hk:element('OriginCaseNumber', cc:CouncilCaseNo)"/>
      <xsl:for-each select="cc:Complainant">
        <Complainant>
          <xsl:sequence select="hk:element('Name', fx:simplified(cc:FullName))"/>
          <xsl:sequence select="hk:element('Phone', cc:ContactNo)"/>
          <xsl:sequence select="hk:element('IdNumber', cc:IdentityDoc)"/>
        </Complainant>
      </xsl:for-each>
      <xsl:for-each select="cc:Trader">
        <Respondent>
          <xsl:sequence select="hk:element('Name', fx:simplified(cc:TraderName))"/>
          <xsl:sequence select="hk:element('CreditCode', cc:USCC)"/>
          <xsl:sequence select="hk:element('RegistrationNumber', cc:BRNo)"/>
          <xsl:sequence select="hk:element('Address', fx:simplified(cc:TraderAddress))"/>
          <xsl:sequence select="hk:element('DivisionCode', cc:DistrictCode)"/>
          <xsl:sequence select="hk:element('Kind', fx:code('trader-type', cc:TraderType))"/>
          <xsl:sequence select="hk:element('PlatformName', fx:simplified(cc:Marketplace))"/>
        </Respondent>
      </xsl:for-each>
      <xsl:for-each select="cc:Transaction">
        <Purchase>
          <xsl:sequence select="hk:element('Channel', fx:code('transaction-mode', @mode))"/>
          <xsl:sequence select="hk:element('Platform', fx:simplified(cc:Platform))"/>
          <xsl:sequence select="hk:element('Store', fx:simplified(cc:Outlet))"/>
          <xsl:sequence select="hk:element('Date', hk:iso-date(cc:TransactionDate))"/>
          <xsl:for-each select="cc:AmountPaid">
            <Amount currency="{@currency}">{normalize-space(.)}</Amount>
          </xsl:for-each>
        </Purchase>
      </xsl:for-each>
      <xsl:sequence select="hk:element('Category', fx:code('category', cc:NatureCode))"/>
      <xsl:sequence select="hk:element('Facts', fx:simplified(cc:Particulars))"/>
      <xsl:where-populated>
        <Requests>
          <xsl:for-each select="cc:Claims/cc:Claim">
            <xsl:sequence select="hk:element('Request', fx:code('claim', .))"/>
          </xsl:for-each>
        </Requests>
      </xsl:where-populated>
      <xsl:sequence select="hk:element('ReceivedAt', cc:LodgedAt)"/>
      <xsl:sequence select="hk:element('ReceivingAuthority', cc:HandlingBody)"/>
    </Complaint>
  </xsl:template>

  <xsl:template match="cc:Progress">
    <StatusUpdate>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:sequence select="hk:element('State', fx:code('stage', cc:Stage))"/>
      <xsl:sequence select="hk:element('Reason', fx:simplified(cc:Grounds))"/>
      <xsl:sequence select="hk:element('By', cc:UpdatedBy)"/>
      <xsl:sequence select="hk:element('At', cc:UpdatedAt)"/>
      <xsl:sequence select="hk:element('Note', fx:simplified(cc:Remarks))"/>
    </StatusUpdate>
  </xsl:template>

  <!-- A contract element holding the trimmed value, or nothing when the value is absent or blank, so that the
       contract's schema reports a missing field as MISSING_FIELD at its own path. -->
  <xsl:function name="hk:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="trimmed" select="replace(string($value), '^\s+|\s+$', '')"/>
    <xsl:if test="$trimmed">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$trimmed}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- dd/MM/yyyy, as the councils write dates, to yyyy-MM-dd; anything else is passed on for the schema to refuse. -->
  <xsl:function name="hk:iso-date" as="xs:string?">
    <xsl:param name="date" as="xs:string?"/>
    <xsl:sequence select="$date ! replace(normalize-space(.), '^(\d{2})/(\d{2})/(\d{4})$', '$3-$2-$1')"/>
  </xsl:function>

</xsl:stylesheet>
