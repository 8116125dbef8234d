<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → gba-xml, version 2.1 of the Bay Area cities' message. The body is named like the type attribute; the
  gateway's acknowledgements and rejections are both a <receipt>, told apart by its result. Codes stay the contract's
  names and values pass as the contract writes them, so nothing needs converting back.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:gba="urn:cn:consumer-exchange:formats:gba-xml"
    xmlns:c="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <!-- Unindented, as gba-xml has always been written: Saxon's indentation would wrap a long attribute list. -->
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/c:ExchangeMessage">
    <xsl:variable name="kind" select="string(c:Envelope/c:MessageType)"/>
    <gba-message version="2.1"
        type="{if ($kind = ('ACKNOWLEDGEMENT', 'REJECTION')) then 'receipt' else fx:native-code('message-type', $kind)}">
      <xsl:apply-templates select="c:Envelope"/>
      <xsl:apply-templates select="c:Envelope/following-sibling::*"/>
    </gba-message>
  </xsl:template>

  <xsl:template match="c:Envelope">
    <header>
      <msg-id>{c:MessageId}</msg-id>
      <from>{c:Sender}</from>
      <xsl:sequence select="gba:element('to', c:Receiver)"/>
      <sent-time>{c:SentAt}</sent-time>
      <xsl:for-each select="c:CaseRef">
        <ref>{.}</ref>
      </xsl:for-each>
      <xsl:for-each select="c:Signature">
        <signature algorithm="{c:Algorithm}" key-id="{c:KeyId}">{c:Value}</signature>
      </xsl:for-each>
    </header>
  </xsl:template>

  <xsl:template match="c:Complaint">
    <complaint>
      <case-no>{c:OriginCaseNumber}</case-no>
      <xsl:for-each select="c:Complainant">
        <consumer>
          <xsl:call-template name="person-contact"/>
        </consumer>
      </xsl:for-each>
      <xsl:apply-templates select="c:Respondent"/>
      <xsl:for-each select="c:Purchase">
        <purchase channel="{c:Channel}" date="{c:Date}">
          <xsl:sequence select="gba:attribute('platform', c:Platform), gba:attribute('store', c:Store)"/>
          <xsl:sequence select="gba:money('amount', c:Amount)"/>
        </purchase>
      </xsl:for-each>
      <category>{c:Category}</category>
      <facts>{c:Facts}</facts>
      <demands>{c:Requests/c:Request}</demands>
      <received-time>{c:ReceivedAt}</received-time>
      <xsl:sequence select="gba:element('receiving-authority', c:ReceivingAuthority)"/>
      <xsl:for-each select="c:Report">
        <report>
          <xsl:apply-templates select="c:Reporter"/>
          <clues>{c:Clues}</clues>
        </report>
      </xsl:for-each>
    </complaint>
  </xsl:template>

  <xsl:template match="c:Report">
    <report>
      <case-no>{c:OriginCaseNumber}</case-no>
      <xsl:apply-templates select="c:Reporter"/>
      <xsl:apply-templates select="c:Respondent"/>
      <clues>{c:Clues}</clues>
      <received-time>{c:ReceivedAt}</received-time>
      <xsl:sequence select="gba:element('receiving-authority', c:ReceivingAuthority)"/>
    </report>
  </xsl:template>

  <xsl:template match="c:Reporter">
    <reporter>
      <xsl:call-template name="person-contact"/>
    </reporter>
  </xsl:template>

  <xsl:template name="person-contact">
    <xsl:sequence select="gba:attribute('name', c:Name), gba:attribute('mobile', c:Phone),
        gba:attribute('id-card', c:IdNumber)"/>
  </xsl:template>

  <xsl:template match="c:Respondent">
    <business>
      <name>{c:Name}</name>
      <xsl:sequence select="gba:element('uscc', c:CreditCode), gba:element('br-no', c:RegistrationNumber)"/>
      <address>{c:Address}</address>
      <area-code>{c:DivisionCode}</area-code>
      <xsl:sequence select="gba:element('kind', c:Kind), gba:element('platform', c:PlatformName)"/>
      <xsl:sequence select="gba:element('domicile-area-code', c:DomicileDivisionCode),
          gba:element('platform-area-code', c:PlatformDivisionCode)"/>
    </business>
  </xsl:template>

  <xsl:template match="c:StatusUpdate">
    <status case="{c:CaseRef}" state="{c:State}" by="{c:By}" time="{c:At}">
      <xsl:sequence select="gba:element('reason', c:Reason), gba:element('note', c:Note)"/>
    </status>
  </xsl:template>

  <xsl:template match="c:Evidence">
    <evidence case="{c:CaseRef}">
      <xsl:for-each select="c:Item">
        <item kind="{c:Kind}" content-type="{c:ContentType}" size="{c:Size}" sha256="{c:Sha256}">
          <xsl:sequence select="gba:element('description', c:Description)"/>
          <claim-check>{c:ClaimCheck}</claim-check>
        </item>
      </xsl:for-each>
    </evidence>
  </xsl:template>

  <xsl:template match="c:InvestigationRecord">
    <investigation case="{c:CaseRef}" authority="{c:Authority}" investigator="{c:Investigator}" date="{c:Date}">
      <place>{c:Place}</place>
      <xsl:for-each select="c:Person">
        <person name="{c:Name}" role="{c:Role}"/>
      </xsl:for-each>
      <record-text>{c:RecordText}</record-text>
    </investigation>
  </xsl:template>

  <xsl:template match="c:MediationResult">
    <mediation case="{c:CaseRef}" outcome="{c:Outcome}" mediator="{c:Mediator}" date="{c:Date}"
        authority="{c:IssuingAuthority}">
      <xsl:sequence select="gba:element('terms', c:Terms)"/>
      <xsl:for-each select="c:AgreedAmount">
        <xsl:sequence select="gba:money('agreed-amount', .)"/>
      </xsl:for-each>
    </mediation>
  </xsl:template>

  <xsl:template match="c:ReturnRequest">
    <return-request>
      <xsl:sequence select="gba:attribute('case', c:CaseRef), gba:attribute('commitment', c:CommitmentId)"/>
      <xsl:for-each select="c:Purchase">
        <purchase receipt-no="{c:ReceiptNumber}" date="{c:Date}">
          <xsl:sequence select="gba:store('origin-store', c:OriginStore)"/>
          <xsl:for-each select="c:Item">
            <item name="{c:Name}" quantity="{c:Quantity}">
              <xsl:sequence select="gba:money('unit-price', c:UnitPrice)"/>
            </item>
          </xsl:for-each>
          <xsl:sequence select="gba:money('amount', c:Amount)"/>
        </purchase>
      </xsl:for-each>
      <xsl:sequence select="gba:store('return-store', c:ReturnStore)"/>
      <reason>{c:Reason}</reason>
      <requested-time>{c:RequestedAt}</requested-time>
      <xsl:for-each select="c:Consumer">
        <consumer>
          <xsl:call-template name="person-contact"/>
        </consumer>
      </xsl:for-each>
    </return-request>
  </xsl:template>

  <xsl:template match="c:ReturnDecision">
    <return-decision case="{c:CaseRef}" decision="{c:Decision}" time="{c:DecidedAt}">
      <xsl:sequence select="gba:element('reason', c:Reason), gba:money('refund-amount', c:RefundAmount)"/>
    </return-decision>
  </xsl:template>

  <xsl:template match="c:ReturnSettlement">
    <return-settlement case="{c:CaseRef}" refunded-time="{c:RefundedAt}" due-time="{c:DueBy}">
      <xsl:sequence select="gba:money('refund-amount', c:RefundAmount), gba:store('payer', c:Payer),
          gba:store('payee', c:Payee)"/>
    </return-settlement>
  </xsl:template>

  <xsl:template match="c:Acknowledgement">
    <receipt for="{c:AnswersMessageId}" result="ACCEPTED" gateway-ref="{c:GatewayReference}" time="{c:AcceptedAt}"/>
  </xsl:template>

  <xsl:template match="c:Rejection">
    <receipt for="{c:AnswersMessageId}" result="REJECTED" time="{c:RejectedAt}">
      <xsl:for-each select="c:Error">
        <error code="{c:Code}" path="{c:Path}">{c:Reason}</error>
      </xsl:for-each>
    </receipt>
  </xsl:template>

  <!-- A native element or attribute holding the value, or nothing when the contract has no value for it. -->
  <xsl:function name="gba:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

  <xsl:function name="gba:attribute" as="attribute()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:attribute name="{$name}" select="$value"/>
    </xsl:if>
  </xsl:function>

  <xsl:function name="gba:money" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="money" as="element()?"/>
    <xsl:for-each select="$money">
      <xsl:element name="{$name}">
        <xsl:attribute name="currency" select="@currency"/>
        <xsl:value-of select="."/>
      </xsl:element>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="gba:store" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="store" as="element()?"/>
    <xsl:for-each select="$store">
      <xsl:element name="{$name}">
        <xsl:attribute name="name" select="c:Name"/>
        <xsl:attribute name="code" select="c:StoreCode"/>
        <xsl:attribute name="area-code" select="c:DivisionCode"/>
      </xsl:element>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
