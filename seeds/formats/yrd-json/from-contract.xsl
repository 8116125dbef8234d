<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → yrd-json. Builds the JSON as fn:json-to-xml's XML shape, then writes it with fn:xml-to-json, so keys
  keep the order written here: the order the platforms have always received. An optional field without a value is
  written as null, as the platforms expect every key of a body; only an absent amount leaves out its amount and
  currency, and an absent report part or signature its whole object. Sizes and quantities are strings like amounts:
  xml-to-json would write a large number in exponent form, which the exchange refuses to read. See to-contract.xsl
  for the keys.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:yj="urn:cn:consumer-exchange:formats:yrd-json"
    xmlns:c="urn:cn:consumer-exchange:contract:v1"
    xmlns="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/c:ExchangeMessage">
    <xsl:variable name="json">
      <map>
        <xsl:apply-templates select="c:Envelope"/>
        <xsl:apply-templates select="* except c:Envelope"/>
        <xsl:for-each select="c:Envelope/c:Signature">
          <map key="sign">
            <string key="alg">{c:Algorithm}</string>
            <string key="keyId">{c:KeyId}</string>
            <string key="value">{c:Value}</string>
          </map>
        </xsl:for-each>
      </map>
    </xsl:variable>
    <!-- xml-to-json escapes every solidus (\/); the platforms have always received paths and file keys plainly.
         Every solidus it writes is escaped, so the backslash before one is always that escape. -->
    <xsl:value-of select="replace(xml-to-json($json), '\\/', '/')"/>
  </xsl:template>

  <xsl:template match="c:Envelope">
    <string key="msgId">{c:MessageId}</string>
    <string key="fromOrg">{c:Sender}</string>
    <xsl:sequence select="yj:string('toOrg', c:Receiver)"/>
    <string key="sendTime">{c:SentAt}</string>
    <array key="refs">
      <xsl:for-each select="c:CaseRef">
        <string>{.}</string>
      </xsl:for-each>
    </array>
    <string key="msgType">{fx:native-code('message-type', c:MessageType)}</string>
  </xsl:template>

  <xsl:template match="c:Complaint">
    <map key="complaint">
      <string key="caseNo">{c:OriginCaseNumber}</string>
      <xsl:apply-templates select="c:Complainant">
        <xsl:with-param name="key" select="'consumer'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="c:Respondent"/>
      <map key="order">
        <string key="channel">{c:Purchase/c:Channel}</string>
        <xsl:sequence select="yj:string('platform', c:Purchase/c:Platform)"/>
        <xsl:sequence select="yj:string('store', c:Purchase/c:Store)"/>
        <string key="orderDate">{c:Purchase/c:Date}</string>
        <xsl:sequence select="yj:money('amount', 'currency', c:Purchase/c:Amount)"/>
      </map>
      <string key="categoryCode">{c:Category}</string>
      <string key="description">{c:Facts}</string>
      <array key="appeals">
        <xsl:for-each select="c:Requests/c:Request">
          <string>{.}</string>
        </xsl:for-each>
      </array>
      <string key="acceptTime">{c:ReceivedAt}</string>
      <xsl:sequence select="yj:string('acceptOrg', c:ReceivingAuthority)"/>
      <xsl:for-each select="c:Report">
        <map key="report">
          <xsl:apply-templates select="c:Reporter">
            <xsl:with-param name="key" select="'reporter'"/>
          </xsl:apply-templates>
          <xsl:if test="empty(c:Reporter)">
            <null key="reporter"/>
          </xsl:if>
          <string key="clues">{c:Clues}</string>
        </map>
      </xsl:for-each>
    </map>
  </xsl:template>

  <xsl:template match="c:Report">
    <map key="report">
      <string key="caseNo">{c:OriginCaseNumber}</string>
      <xsl:apply-templates select="c:Reporter">
        <xsl:with-param name="key" select="'reporter'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="c:Respondent"/>
      <string key="clues">{c:Clues}</string>
      <string key="acceptTime">{c:ReceivedAt}</string>
      <xsl:sequence select="yj:string('acceptOrg', c:ReceivingAuthority)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:Complainant | c:Reporter | c:Consumer">
    <xsl:param name="key" as="xs:string"/>
    <map key="{$key}">
      <string key="name">{c:Name}</string>
      <string key="phone">{c:Phone}</string>
      <xsl:sequence select="yj:string('idNo', c:IdNumber)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:Respondent">
    <map key="merchant">
      <string key="name">{c:Name}</string>
      <xsl:sequence select="yj:string('creditCode', c:CreditCode)"/>
      <xsl:sequence select="yj:string('regNo', c:RegistrationNumber)"/>
      <string key="address">{c:Address}</string>
      <string key="regionCode">{c:DivisionCode}</string>
      <xsl:sequence select="yj:string('type', c:Kind)"/>
      <xsl:sequence select="yj:string('platformName', c:PlatformName)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:Evidence">
    <map key="evidence">
      <string key="caseRef">{c:CaseRef}</string>
      <array key="files">
        <xsl:for-each select="c:Item">
          <map>
            <string key="type">{c:Kind}</string>
            <string key="mimeType">{c:ContentType}</string>
            <string key="size">{c:Size}</string>
            <string key="sha256">{c:Sha256}</string>
            <xsl:sequence select="yj:string('description', c:Description)"/>
            <string key="fileKey">{c:ClaimCheck}</string>
          </map>
        </xsl:for-each>
      </array>
    </map>
  </xsl:template>

  <xsl:template match="c:InvestigationRecord">
    <map key="investigation">
      <string key="caseRef">{c:CaseRef}</string>
      <string key="investigator">{c:Investigator}</string>
      <string key="investigateOrg">{c:Authority}</string>
      <string key="investigateDate">{c:Date}</string>
      <string key="place">{c:Place}</string>
      <array key="persons">
        <xsl:for-each select="c:Person">
          <map>
            <string key="name">{c:Name}</string>
            <string key="role">{c:Role}</string>
          </map>
        </xsl:for-each>
      </array>
      <string key="content">{c:RecordText}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:MediationResult">
    <map key="mediation">
      <string key="caseRef">{c:CaseRef}</string>
      <string key="result">{c:Outcome}</string>
      <xsl:sequence select="yj:string('terms', c:Terms)"/>
      <array key="amounts">
        <xsl:for-each select="c:AgreedAmount">
          <map>
            <xsl:sequence select="yj:money('amount', 'currency', .)"/>
          </map>
        </xsl:for-each>
      </array>
      <string key="mediator">{c:Mediator}</string>
      <string key="mediateDate">{c:Date}</string>
      <string key="issueOrg">{c:IssuingAuthority}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:StatusUpdate">
    <map key="status">
      <string key="caseRef">{c:CaseRef}</string>
      <string key="state">{c:State}</string>
      <string key="handler">{c:By}</string>
      <string key="time">{c:At}</string>
      <xsl:sequence select="yj:string('reason', c:Reason)"/>
      <xsl:sequence select="yj:string('remark', c:Note)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:ReturnRequest">
    <map key="returnRequest">
      <xsl:sequence select="yj:string('caseRef', c:CaseRef)"/>
      <map key="order">
        <xsl:apply-templates select="c:Purchase/c:OriginStore">
          <xsl:with-param name="key" select="'store'"/>
        </xsl:apply-templates>
        <string key="receiptNo">{c:Purchase/c:ReceiptNumber}</string>
        <string key="orderDate">{c:Purchase/c:Date}</string>
        <array key="goods">
          <xsl:for-each select="c:Purchase/c:Item">
            <map>
              <string key="name">{c:Name}</string>
              <string key="quantity">{c:Quantity}</string>
              <xsl:sequence select="yj:money('price', 'currency', c:UnitPrice)"/>
            </map>
          </xsl:for-each>
        </array>
        <xsl:sequence select="yj:money('amount', 'currency', c:Purchase/c:Amount)"/>
      </map>
      <xsl:apply-templates select="c:ReturnStore">
        <xsl:with-param name="key" select="'returnStore'"/>
      </xsl:apply-templates>
      <string key="reason">{c:Reason}</string>
      <xsl:sequence select="yj:string('commitmentNo', c:CommitmentId)"/>
      <string key="applyTime">{c:RequestedAt}</string>
      <xsl:apply-templates select="c:Consumer">
        <xsl:with-param name="key" select="'consumer'"/>
      </xsl:apply-templates>
    </map>
  </xsl:template>

  <xsl:template match="c:ReturnDecision">
    <map key="returnDecision">
      <string key="caseRef">{c:CaseRef}</string>
      <string key="decision">{c:Decision}</string>
      <xsl:sequence select="yj:string('reason', c:Reason)"/>
      <xsl:sequence select="yj:money('refundAmount', 'currency', c:RefundAmount)"/>
      <string key="decideTime">{c:DecidedAt}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:ReturnSettlement">
    <map key="returnSettlement">
      <string key="caseRef">{c:CaseRef}</string>
      <xsl:sequence select="yj:money('refundAmount', 'currency', c:RefundAmount)"/>
      <string key="refundTime">{c:RefundedAt}</string>
      <string key="dueTime">{c:DueBy}</string>
      <xsl:apply-templates select="c:Payer">
        <xsl:with-param name="key" select="'payer'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="c:Payee">
        <xsl:with-param name="key" select="'payee'"/>
      </xsl:apply-templates>
    </map>
  </xsl:template>

  <xsl:template match="c:OriginStore | c:ReturnStore | c:Payer | c:Payee">
    <xsl:param name="key" as="xs:string"/>
    <map key="{$key}">
      <string key="name">{c:Name}</string>
      <string key="storeCode">{c:StoreCode}</string>
      <string key="regionCode">{c:DivisionCode}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:Acknowledgement">
    <map key="ack">
      <string key="forMsgId">{c:AnswersMessageId}</string>
      <string key="gatewayRef">{c:GatewayReference}</string>
      <string key="acceptedAt">{c:AcceptedAt}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:Rejection">
    <map key="reject">
      <string key="forMsgId">{c:AnswersMessageId}</string>
      <string key="rejectedAt">{c:RejectedAt}</string>
      <array key="errors">
        <xsl:for-each select="c:Error">
          <map>
            <string key="code">{c:Code}</string>
            <string key="field">{c:Path}</string>
            <string key="message">{c:Reason}</string>
          </map>
        </xsl:for-each>
      </array>
    </map>
  </xsl:template>

  <!-- A string member, or null when the contract has no value for it. -->
  <xsl:function name="yj:string" as="element()">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="$value">
        <string key="{$key}">{$value}</string>
      </xsl:when>
      <xsl:otherwise>
        <null key="{$key}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- An amount as a string beside its currency, or neither when the contract has no amount. -->
  <xsl:function name="yj:money" as="element()*">
    <xsl:param name="amountKey" as="xs:string"/>
    <xsl:param name="currencyKey" as="xs:string"/>
    <xsl:param name="money" as="element()?"/>
    <xsl:for-each select="$money">
      <string key="{$amountKey}">{.}</string>
      <string key="{$currencyKey}">{@currency}</string>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
