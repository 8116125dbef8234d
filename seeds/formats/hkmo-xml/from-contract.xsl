<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → hkmo-xml. Free text goes back to Traditional Chinese (Hong Kong variant) through fx:traditional,
  dates to dd/MM/yyyy, codes back to the councils' own through fx:native-code.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:hk="urn:cn:consumer-exchange:formats:hkmo-xml"
    xmlns:c="urn:cn:consumer-exchange:contract:v1"
    xmlns="urn:hkmo:consumer-council:cross-boundary-case:1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/c:ExchangeMessage">
    <CouncilMessage schemaVersion="1.3">
      <xsl:apply-templates select="c:Envelope"/>
      <xsl:apply-templates select="c:Complaint | c:StatusUpdate | c:Acknowledgement | c:Rejection"/>
    </CouncilMessage>
  </xsl:template>

  <xsl:template match="c:Envelope">
    <Header>
      <MessageRef>{c:MessageId}</MessageRef>
      <MessageKind>{fx:native-code('message-kind', c:MessageType)}</MessageKind>
      <FromBody>{c:Sender}</FromBody>
      <xsl:sequence select="hk:element('ToBody', c:Receiver)"/>
      <xsl:for-each select="c:CaseRef">
        <RelatedRef>{.}</RelatedRef>
      </xsl:for-each>
      <IssuedAt>{c:SentAt}</IssuedAt>
    </Header>
  </xsl:template>

  <xsl:template match="c:Complaint">
    <Case>
      <CouncilCaseNo>{c:OriginCaseNumber}</CouncilCaseNo>
      <Complainant>
        <FullName>{fx:traditional(c:Complainant/c:Name)}</FullName>
        <ContactNo>{c:Complainant/c:Phone}</ContactNo>
        <xsl:sequence select="hk:element('IdentityDoc', c:Complainant/c:IdNumber)"/>
      </Complainant>
      <xsl:for-each select="c:Respondent">
        <Trader>
          <TraderName>{fx:traditional(c:Name)}</TraderName>
          <xsl:sequence select="hk:element('USCC', c:CreditCode)"/>
          <xsl:sequence select="hk:element('BRNo', c:RegistrationNumber)"/>
          <TraderAddress>{fx:traditional(c:Address)}</TraderAddress>
          <DistrictCode>{c:DivisionCode}</DistrictCode>
          <xsl:sequence select="hk:element('TraderType', fx:native-code('trader-type', c:Kind))"/>
          <xsl:sequence select="hk:element('Marketplace', fx:traditional(c:PlatformName))"/>
        </Trader>
      </xsl:for-each>
      <xsl:for-each select="c:Purchase">
        <Transaction mode="{fx:native-code('transaction-mode', c:Channel)}">
          <TransactionDate>{format-date(xs:date(c:Date), '[D01]/[M01]/[Y0001]')}</TransactionDate>
          <xsl:sequence select="hk:element('Platform', fx:traditional(c:Platform))"/>
          <xsl:sequence select="hk:element('Outlet', fx:traditional(c:Store))"/>
          <AmountPaid currency="{c:Amount/@currency}">{c:Amount}</AmountPaid>
        </Transaction>
      </xsl:for-each>
      <NatureCode>{fx:native-code('category', c:Category)}</NatureCode>
      <Particulars>{fx:traditional(c:Facts)}</Particulars>
      <Claims>
        <xsl:for-each select="c:Requests/c:Request">
          <Claim>{fx:native-code('claim', .)}</Claim>
        </xsl:for-each>
      </Claims>
      <LodgedAt>{c:ReceivedAt}</LodgedAt>
      <xsl:sequence select="hk:element('HandlingBody', c:ReceivingAuthority)"/>
    </Case>
  </xsl:template>

  <xsl:template match="c:StatusUpdate">
    <Progress>
      <CaseRef>{c:CaseRef}</CaseRef>
      <Stage>{fx:native-code('stage', c:State)}</Stage>
      <xsl:sequence select="hk:element('Grounds', fx:traditional(c:Reason))"/>
      <UpdatedBy>{c:By}</UpdatedBy>
      <UpdatedAt>{c:At}</UpdatedAt>
      <xsl:sequence select="hk:element('Remarks', fx:traditional(c:Note))"/>
    </Progress>
  </xsl:template>

  <xsl:template match="c:Acknowledgement">
    <Receipt>
      <ForMessage>{c:AnswersMessageId}</ForMessage>
      <HubRef>{c:GatewayReference}</HubRef>
      <ReceivedAt>{c:AcceptedAt}</ReceivedAt>
    </Receipt>
  </xsl:template>

  <xsl:template match="c:Rejection">
    <Refusal>
      <ForMessage>{c:AnswersMessageId}</ForMessage>
      <RefusedAt>{c:RejectedAt}</RefusedAt>
      <xsl:for-each select="c:Error">
        <Problem code="{c:Code}" field="{c:Path}">
          <Explanation>{fx:traditional(c:Reason)}</Explanation>
        </Problem>
      </xsl:for-each>
    </Refusal>
  </xsl:template>

  <!-- A native element holding the value, or nothing when the contract has no value for it. -->
  <xsl:function name="hk:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:hkmo:consumer-council:cross-boundary-case:1">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
