<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → hkmo-xml. Free text goes back to Traditional Chinese (Hong Kong variant) through fx:traditional,
  dates to dd/MM/yyyy, codes back to the councils' own through fx:native-code. A complaint's Report part (举报) is
  not written, and nothing is lost by that: the councils take no reports (notCarried in format.json), so the gateway
  refuses at intake a complaint with a report for them, and it strips the report part, a case of its own, from any
  complaint before translating it.
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
      <xsl:apply-templates select="c:Complaint | c:Evidence | c:InvestigationRecord | c:MediationResult | c:StatusUpdate
          | c:Acknowledgement | c:Rejection | c:ReturnRequest | c:ReturnDecision | c:ReturnSettlement"/>
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
      <xsl:for-each select="c:Signature">
        <DigitalSignature>
          <Algorithm>{c:Algorithm}</Algorithm>
          <KeyRef>{c:KeyId}</KeyRef>
          <SignatureValue>{c:Value}</SignatureValue>
        </DigitalSignature>
      </xsl:for-each>
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
          <TransactionDate>{hk:council-date(c:Date)}</TransactionDate>
          <xsl:sequence select="hk:element('Platform', fx:traditional(c:Platform))"/>
          <xsl:sequence select="hk:element('Outlet', fx:traditional(c:Store))"/>
          <xsl:sequence select="hk:money('AmountPaid', c:Amount)"/>
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

  <xsl:template match="c:Evidence">
    <Exhibits>
      <CaseRef>{c:CaseRef}</CaseRef>
      <xsl:for-each select="c:Item">
        <Exhibit>
          <ExhibitType>{fx:native-code('exhibit-type', c:Kind)}</ExhibitType>
          <MediaType>{c:ContentType}</MediaType>
          <SizeInBytes>{c:Size}</SizeInBytes>
          <Sha256Digest>{c:Sha256}</Sha256Digest>
          <xsl:sequence select="hk:element('Description', fx:traditional(c:Description))"/>
          <StorageRef>{c:ClaimCheck}</StorageRef>
        </Exhibit>
      </xsl:for-each>
    </Exhibits>
  </xsl:template>

  <xsl:template match="c:InvestigationRecord">
    <InterviewRecord>
      <CaseRef>{c:CaseRef}</CaseRef>
      <Interviewer>{fx:traditional(c:Investigator)}</Interviewer>
      <InterviewingBody>{c:Authority}</InterviewingBody>
      <InterviewDate>{hk:council-date(c:Date)}</InterviewDate>
      <Venue>{fx:traditional(c:Place)}</Venue>
      <Attendees>
        <xsl:for-each select="c:Person">
          <Attendee>
            <Name>{fx:traditional(c:Name)}</Name>
            <Capacity>{fx:traditional(c:Role)}</Capacity>
          </Attendee>
        </xsl:for-each>
      </Attendees>
      <Statement>{fx:traditional(c:RecordText)}</Statement>
    </InterviewRecord>
  </xsl:template>

  <xsl:template match="c:MediationResult">
    <ConciliationResult>
      <CaseRef>{c:CaseRef}</CaseRef>
      <Result>{fx:native-code('conciliation-result', c:Outcome)}</Result>
      <xsl:sequence select="hk:element('SettlementTerms', fx:traditional(c:Terms))"/>
      <xsl:sequence select="c:AgreedAmount ! hk:money('SettlementSum', .)"/>
      <Conciliator>{fx:traditional(c:Mediator)}</Conciliator>
      <ConcludedOn>{hk:council-date(c:Date)}</ConcludedOn>
      <IssuedBy>{c:IssuingAuthority}</IssuedBy>
    </ConciliationResult>
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

  <xsl:template match="c:ReturnRequest">
    <ReturnRequest>
      <xsl:sequence select="hk:element('CaseRef', c:CaseRef)"/>
      <xsl:for-each select="c:Purchase">
        <OriginalPurchase>
          <xsl:sequence select="hk:outlet('PurchaseOutlet', c:OriginStore)"/>
          <ReceiptNo>{c:ReceiptNumber}</ReceiptNo>
          <PurchaseDate>{hk:council-date(c:Date)}</PurchaseDate>
          <Goods>
            <xsl:for-each select="c:Item">
              <Item>
                <ItemName>{fx:traditional(c:Name)}</ItemName>
                <Quantity>{c:Quantity}</Quantity>
                <xsl:sequence select="hk:money('UnitPrice', c:UnitPrice)"/>
              </Item>
            </xsl:for-each>
          </Goods>
          <xsl:sequence select="hk:money('AmountPaid', c:Amount)"/>
        </OriginalPurchase>
      </xsl:for-each>
      <xsl:sequence select="hk:outlet('ReturnOutlet', c:ReturnStore)"/>
      <ReturnReason>{fx:traditional(c:Reason)}</ReturnReason>
      <xsl:sequence select="hk:element('ReturnPledgeRef', c:CommitmentId)"/>
      <RequestedAt>{c:RequestedAt}</RequestedAt>
      <xsl:for-each select="c:Consumer">
        <Consumer>
          <FullName>{fx:traditional(c:Name)}</FullName>
          <ContactNo>{c:Phone}</ContactNo>
          <xsl:sequence select="hk:element('IdentityDoc', c:IdNumber)"/>
        </Consumer>
      </xsl:for-each>
    </ReturnRequest>
  </xsl:template>

  <xsl:template match="c:ReturnDecision">
    <ReturnDecision>
      <CaseRef>{c:CaseRef}</CaseRef>
      <Decision>{fx:native-code('return-decision', c:Decision)}</Decision>
      <xsl:sequence select="hk:element('Grounds', fx:traditional(c:Reason))"/>
      <xsl:sequence select="c:RefundAmount ! hk:money('RefundAmount', .)"/>
      <DecidedAt>{c:DecidedAt}</DecidedAt>
    </ReturnDecision>
  </xsl:template>

  <xsl:template match="c:ReturnSettlement">
    <RefundSettlement>
      <CaseRef>{c:CaseRef}</CaseRef>
      <xsl:sequence select="hk:money('RefundAmount', c:RefundAmount)"/>
      <RefundedAt>{c:RefundedAt}</RefundedAt>
      <SettleBy>{c:DueBy}</SettleBy>
      <xsl:sequence select="hk:outlet('PayingOutlet', c:Payer)"/>
      <xsl:sequence select="hk:outlet('PayeeOutlet', c:Payee)"/>
    </RefundSettlement>
  </xsl:template>

  <!-- A native element holding the value, or nothing when the contract has no value for it. -->
  <xsl:function name="hk:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:hkmo:consumer-council:cross-boundary-case:1">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- An amount in its currency, as the councils write every sum. -->
  <xsl:function name="hk:money" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="amount" as="element()"/>
    <xsl:element name="{$name}" namespace="urn:hkmo:consumer-council:cross-boundary-case:1">
      <xsl:attribute name="currency" select="$amount/@currency"/>
      <xsl:value-of select="$amount"/>
    </xsl:element>
  </xsl:function>

  <!-- A chain's store as an outlet: its name in Traditional Chinese, the chain's store code, its district. -->
  <xsl:function name="hk:outlet" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="store" as="element()"/>
    <xsl:element name="{$name}" namespace="urn:hkmo:consumer-council:cross-boundary-case:1">
      <OutletName>{fx:traditional($store/c:Name)}</OutletName>
      <OutletCode>{$store/c:StoreCode}</OutletCode>
      <DistrictCode>{$store/c:DivisionCode}</DistrictCode>
    </xsl:element>
  </xsl:function>

  <!-- yyyy-MM-dd to dd/MM/yyyy, as the councils write dates. -->
  <xsl:function name="hk:council-date" as="xs:string">
    <xsl:param name="date" as="xs:string"/>
    <xsl:sequence select="format-date(xs:date($date), '[D01]/[M01]/[Y0001]')"/>
  </xsl:function>

</xsl:stylesheet>
