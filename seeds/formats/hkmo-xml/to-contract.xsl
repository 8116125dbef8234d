<?xml version="1.0" encoding="UTF-8"?>
<!--
  hkmo-xml → contract v1. The Hong Kong and Macao consumer councils (消費者委員會, 消費者委員會(澳門)) write
  Traditional Chinese; the contract is Simplified, so every free text passes through fx:simplified. Businesses in
  Hong Kong or Macao carry a business registration number (BRNo → RegistrationNumber), mainland ones a credit code
  (USCC → CreditCode). Dates are dd/MM/yyyy, amounts keep their currency (HKD, MOP or CNY). Codes, identifiers and
  authority codes are not text and pass unchanged. The councils send no reports (举报): see notCarried in format.json.
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
    <!-- RECEIPT and REFUSAL are the exchange's answers: the councils receive them, never send them. -->
    <xsl:if test="not($kind = ('CASE', 'EXHIBITS', 'INTERVIEW', 'CONCILIATION_RESULT', 'PROGRESS', 'RETURN_REQUEST',
        'RETURN_DECISION', 'RETURN_SETTLEMENT'))">
      <xsl:message terminate="yes">The councils send CASE, EXHIBITS, INTERVIEW, CONCILIATION_RESULT, PROGRESS, RETURN_REQUEST, RETURN_DECISION and RETURN_SETTLEMENT messages to the exchange (/CouncilMessage/Header/MessageKind).</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <xsl:apply-templates select="cc:Header"/>
      <xsl:apply-templates select="cc:Case | cc:Exhibits | cc:InterviewRecord | cc:ConciliationResult | cc:Progress
          | cc:ReturnRequest | cc:ReturnDecision | cc:RefundSettlement"/>
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
      <xsl:for-each select="cc:DigitalSignature">
        <Signature>
          <xsl:sequence select="hk:element('Algorithm', cc:Algorithm)"/>
          <xsl:sequence select="hk:element('KeyId', cc:KeyRef)"/>
          <xsl:sequence select="hk:element('Value', cc:SignatureValue)"/>
        </Signature>
      </xsl:for-each>
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
          <xsl:sequence select="cc:AmountPaid ! hk:money('Amount', .)"/>
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

  <xsl:template match="cc:Exhibits">
    <Evidence>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:for-each select="cc:Exhibit">
        <Item>
          <xsl:sequence select="hk:element('Kind', fx:code('exhibit-type', cc:ExhibitType))"/>
          <xsl:sequence select="hk:element('ContentType', cc:MediaType)"/>
          <xsl:sequence select="hk:element('Size', cc:SizeInBytes)"/>
          <xsl:sequence select="hk:element('Sha256', cc:Sha256Digest)"/>
          <xsl:sequence select="hk:element('Description', fx:simplified(cc:Description))"/>
          <xsl:sequence select="hk:element('ClaimCheck', cc:StorageRef)"/>
        </Item>
      </xsl:for-each>
    </Evidence>
  </xsl:template>

  <xsl:template match="cc:InterviewRecord">
    <InvestigationRecord>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:sequence select="hk:element('Investigator', fx:simplified(cc:Interviewer))"/>
      <xsl:sequence select="hk:element('Authority', cc:InterviewingBody)"/>
      <xsl:sequence select="hk:element('Date', hk:iso-date(cc:InterviewDate))"/>
      <xsl:sequence select="hk:element('Place', fx:simplified(cc:Venue))"/>
      <xsl:for-each select="cc:Attendees/cc:Attendee">
        <Person>
          <xsl:sequence select="hk:element('Name', fx:simplified(cc:Name))"/>
          <xsl:sequence select="hk:element('Role', fx:simplified(cc:Capacity))"/>
        </Person>
      </xsl:for-each>
      <xsl:sequence select="hk:element('RecordText', fx:simplified(cc:Statement))"/>
    </InvestigationRecord>
  </xsl:template>

  <xsl:template match="cc:ConciliationResult">
    <MediationResult>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:sequence select="hk:element('Outcome', fx:code('conciliation-result', cc:Result))"/>
      <xsl:sequence select="hk:element('Terms', fx:simplified(cc:SettlementTerms))"/>
      <xsl:sequence select="cc:SettlementSum ! hk:money('AgreedAmount', .)"/>
      <xsl:sequence select="hk:element('Mediator', fx:simplified(cc:Conciliator))"/>
      <xsl:sequence select="hk:element('Date', hk:iso-date(cc:ConcludedOn))"/>
      <xsl:sequence select="hk:element('IssuingAuthority', cc:IssuedBy)"/>
    </MediationResult>
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

  <xsl:template match="cc:ReturnRequest">
    <ReturnRequest>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:for-each select="cc:OriginalPurchase">
        <Purchase>
          <xsl:sequence select="cc:PurchaseOutlet ! hk:store('OriginStore', .)"/>
          <xsl:sequence select="hk:element('ReceiptNumber', cc:ReceiptNo)"/>
          <xsl:sequence select="hk:element('Date', hk:iso-date(cc:PurchaseDate))"/>
          <xsl:for-each select="cc:Goods/cc:Item">
            <Item>
              <xsl:sequence select="hk:element('Name', fx:simplified(cc:ItemName))"/>
              <xsl:sequence select="hk:element('Quantity', cc:Quantity)"/>
              <xsl:sequence select="cc:UnitPrice ! hk:money('UnitPrice', .)"/>
            </Item>
          </xsl:for-each>
          <xsl:sequence select="cc:AmountPaid ! hk:money('Amount', .)"/>
        </Purchase>
      </xsl:for-each>
      <xsl:sequence select="cc:ReturnOutlet ! hk:store('ReturnStore', .)"/>
      <xsl:sequence select="hk:element('Reason', fx:simplified(cc:ReturnReason))"/>
      <xsl:sequence select="hk:element('CommitmentId', cc:ReturnPledgeRef)"/>
      <xsl:sequence select="hk:element('RequestedAt', cc:RequestedAt)"/>
      <xsl:for-each select="cc:Consumer">
        <Consumer>
          <xsl:sequence select="hk:element('Name', fx:simplified(cc:FullName))"/>
          <xsl:sequence select="hk:element('Phone', cc:ContactNo)"/>
          <xsl:sequence select="hk:element('IdNumber', cc:IdentityDoc)"/>
        </Consumer>
      </xsl:for-each>
    </ReturnRequest>
  </xsl:template>

  <xsl:template match="cc:ReturnDecision">
    <ReturnDecision>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:sequence select="hk:element('Decision', fx:code('return-decision', cc:Decision))"/>
      <xsl:sequence select="hk:element('Reason', fx:simplified(cc:Grounds))"/>
      <xsl:sequence select="cc:RefundAmount ! hk:money('RefundAmount', .)"/>
      <xsl:sequence select="hk:element('DecidedAt', cc:DecidedAt)"/>
    </ReturnDecision>
  </xsl:template>

  <xsl:template match="cc:RefundSettlement">
    <ReturnSettlement>
      <xsl:sequence select="hk:element('CaseRef', cc:CaseRef)"/>
      <xsl:sequence select="cc:RefundAmount ! hk:money('RefundAmount', .)"/>
      <xsl:sequence select="hk:element('RefundedAt', cc:RefundedAt)"/>
      <xsl:sequence select="hk:element('DueBy', cc:SettleBy)"/>
      <xsl:sequence select="cc:PayingOutlet ! hk:store('Payer', .)"/>
      <xsl:sequence select="cc:PayeeOutlet ! hk:store('Payee', .)"/>
    </ReturnSettlement>
  </xsl:template>

  <!-- A contract element holding the trimmed value, or nothing when the value is absent or blank, so that the
       contract's schema reports a missing field as MISSING_FIELD at its own path. -->
  <xsl:function name="hk:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="trimmed" select="fx:trim(string($value))"/>
    <xsl:if test="$trimmed">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$trimmed}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- An amount in its currency (HKD, MOP or CNY), as the councils write every sum. -->
  <xsl:function name="hk:money" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="amount" as="element()"/>
    <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
      <xsl:attribute name="currency" select="$amount/@currency"/>
      <xsl:value-of select="normalize-space($amount)"/>
    </xsl:element>
  </xsl:function>

  <!-- A chain's store (分店): its name, the chain's own store code, and where it is. -->
  <xsl:function name="hk:store" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="outlet" as="element()"/>
    <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
      <xsl:sequence select="hk:element('Name', fx:simplified($outlet/cc:OutletName))"/>
      <xsl:sequence select="hk:element('StoreCode', $outlet/cc:OutletCode)"/>
      <xsl:sequence select="hk:element('DivisionCode', $outlet/cc:DistrictCode)"/>
    </xsl:element>
  </xsl:function>

  <!-- dd/MM/yyyy, as the councils write dates, to yyyy-MM-dd; anything else is passed on for the schema to refuse. -->
  <xsl:function name="hk:iso-date" as="xs:string?">
    <xsl:param name="date" as="xs:string?"/>
    <xsl:sequence select="$date ! replace(normalize-space(.), '^(\d{2})/(\d{2})/(\d{4})$', '$3-$2-$1')"/>
  </xsl:function>

</xsl:stylesheet>
