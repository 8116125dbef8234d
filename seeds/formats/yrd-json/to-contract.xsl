<?xml version="1.0" encoding="UTF-8"?>
<!--
  yrd-json → contract v1. The Yangtze River Delta platforms (Shanghai, Jiangsu, Zhejiang, Anhui) send one JSON object:
  msgId, msgType, fromOrg, toOrg, sendTime, refs, one body object named after the type (complaint, report, evidence,
  investigation, mediation, status, returnRequest, returnDecision, returnSettlement) and, for what an authority issues
  for recognition, a signature (sign). The gateway hands this stylesheet the result of fn:json-to-xml, in the fn
  namespace, which is the default for paths here.
  Keys are camelCase English; codes are the contract's own names, read in any case; dates are yyyy-MM-dd and times
  ISO 8601 with their offset; amounts are strings, so no decimal is lost to floating point, and so are sizes and
  quantities, which are also read as JSON numbers; a key may be null.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:yj="urn:cn:consumer-exchange:formats:yrd-json"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    xpath-default-namespace="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <!-- The body object of each msgType the platforms send to the exchange; ACK and REJECT come only from it. -->
  <xsl:variable name="bodies" as="map(xs:string, xs:string)" select="map {
      'COMPLAINT': 'complaint', 'REPORT': 'report', 'EVIDENCE': 'evidence', 'INVESTIGATION': 'investigation',
      'MEDIATION': 'mediation', 'STATUS': 'status', 'RETURN_REQUEST': 'returnRequest',
      'RETURN_DECISION': 'returnDecision', 'RETURN_SETTLEMENT': 'returnSettlement' }"/>

  <xsl:template match="/map">
    <xsl:variable name="type" select="yj:value(., 'msgType')"/>
    <xsl:if test="not($type = map:keys($bodies))">
      <xsl:message terminate="yes" select="'msgType must be one of ' || string-join(sort(map:keys($bodies)), ', ')
                                           || ' on a message sent to the exchange.'"/>
    </xsl:if>
    <xsl:variable name="body" select="map[@key = $bodies($type)]"/>
    <xsl:if test="empty($body)">
      <xsl:message terminate="yes">A message of type {$type} needs a '{$bodies($type)}' object.</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <Envelope>
        <xsl:sequence select="yj:element('MessageId', yj:value(., 'msgId'))"/>
        <MessageType>{fx:code('message-type', $type)}</MessageType>
        <xsl:sequence select="yj:element('Sender', yj:value(., 'fromOrg'))"/>
        <xsl:sequence select="yj:element('Receiver', yj:value(., 'toOrg'))"/>
        <xsl:for-each select="array[@key = 'refs']/(string | number)">
          <CaseRef>{.}</CaseRef>
        </xsl:for-each>
        <xsl:sequence select="yj:element('SentAt', yj:value(., 'sendTime'))"/>
        <ContractVersion>1.0</ContractVersion>
        <xsl:for-each select="map[@key = 'sign']">
          <Signature>
            <xsl:sequence select="yj:element('Algorithm', yj:value(., 'alg'))"/>
            <xsl:sequence select="yj:element('KeyId', yj:value(., 'keyId'))"/>
            <xsl:sequence select="yj:element('Value', yj:value(., 'value'))"/>
          </Signature>
        </xsl:for-each>
      </Envelope>
      <xsl:apply-templates select="$body"/>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">A yrd-json message is a JSON object.</xsl:message>
  </xsl:template>

  <!-- 投诉, with the report (举报) made in the same submission, if any -->
  <xsl:template match="map[@key = 'complaint']">
    <Complaint>
      <xsl:sequence select="yj:element('OriginCaseNumber', yj:value(., 'caseNo'))"/>
      <Complainant>
        <xsl:apply-templates select="map[@key = 'consumer']" mode="person"/>
      </Complainant>
      <xsl:apply-templates select="map[@key = 'merchant']"/>
      <xsl:for-each select="map[@key = 'order']">
        <Purchase>
          <xsl:sequence select="yj:element('Channel', upper-case(yj:value(., 'channel')))"/>
          <xsl:sequence select="yj:element('Platform', yj:value(., 'platform'))"/>
          <xsl:sequence select="yj:element('Store', yj:value(., 'store'))"/>
          <xsl:sequence select="yj:element('Date', yj:value(., 'orderDate'))"/>
          <xsl:sequence select="yj:money('Amount', yj:value(., 'amount'), yj:value(., 'currency'))"/>
        </Purchase>
      </xsl:for-each>
      <xsl:sequence select="yj:element('Category', yj:value(., 'categoryCode'))"/>
      <xsl:sequence select="yj:element('Facts', yj:value(., 'description'))"/>
      <xsl:where-populated>
        <Requests>
          <xsl:for-each select="array[@key = 'appeals']/*">
            <xsl:sequence select="yj:element('Request', upper-case(yj:trimmed(.)))"/>
          </xsl:for-each>
        </Requests>
      </xsl:where-populated>
      <xsl:sequence select="yj:element('ReceivedAt', yj:value(., 'acceptTime'))"/>
      <xsl:sequence select="yj:element('ReceivingAuthority', yj:value(., 'acceptOrg'))"/>
      <xsl:for-each select="map[@key = 'report']">
        <Report>
          <xsl:for-each select="map[@key = 'reporter']">
            <Reporter>
              <xsl:apply-templates select="." mode="person"/>
            </Reporter>
          </xsl:for-each>
          <xsl:sequence select="yj:element('Clues', yj:value(., 'clues'))"/>
        </Report>
      </xsl:for-each>
    </Complaint>
  </xsl:template>

  <!-- 举报: the reporter's identity travels only in this message (art. 37) -->
  <xsl:template match="map[@key = 'report']">
    <Report>
      <xsl:sequence select="yj:element('OriginCaseNumber', yj:value(., 'caseNo'))"/>
      <Reporter>
        <xsl:apply-templates select="map[@key = 'reporter']" mode="person"/>
      </Reporter>
      <xsl:apply-templates select="map[@key = 'merchant']"/>
      <xsl:sequence select="yj:element('Clues', yj:value(., 'clues'))"/>
      <xsl:sequence select="yj:element('ReceivedAt', yj:value(., 'acceptTime'))"/>
      <xsl:sequence select="yj:element('ReceivingAuthority', yj:value(., 'acceptOrg'))"/>
    </Report>
  </xsl:template>

  <xsl:template match="map" mode="person">
    <xsl:sequence select="yj:element('Name', yj:value(., 'name'))"/>
    <xsl:sequence select="yj:element('Phone', yj:value(., 'phone'))"/>
    <xsl:sequence select="yj:element('IdNumber', yj:value(., 'idNo'))"/>
  </xsl:template>

  <!-- 被投诉/被举报经营者 -->
  <xsl:template match="map[@key = 'merchant']">
    <Respondent>
      <xsl:sequence select="yj:element('Name', yj:value(., 'name'))"/>
      <xsl:sequence select="yj:element('CreditCode', yj:value(., 'creditCode'))"/>
      <xsl:sequence select="yj:element('RegistrationNumber', yj:value(., 'regNo'))"/>
      <xsl:sequence select="yj:element('Address', yj:value(., 'address'))"/>
      <xsl:sequence select="yj:element('DivisionCode', yj:value(., 'regionCode'))"/>
      <xsl:sequence select="yj:element('Kind', upper-case(yj:value(., 'type')))"/>
      <xsl:sequence select="yj:element('PlatformName', yj:value(., 'platformName'))"/>
    </Respondent>
  </xsl:template>

  <!-- 维权证据: the files stay in the evidence store; fileKey says where -->
  <xsl:template match="map[@key = 'evidence']">
    <Evidence>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:for-each select="array[@key = 'files']/map">
        <Item>
          <xsl:sequence select="yj:element('Kind', upper-case(yj:value(., 'type')))"/>
          <xsl:sequence select="yj:element('ContentType', yj:value(., 'mimeType'))"/>
          <xsl:sequence select="yj:element('Size', yj:value(., 'size'))"/>
          <xsl:sequence select="yj:element('Sha256', yj:value(., 'sha256'))"/>
          <xsl:sequence select="yj:element('Description', yj:value(., 'description'))"/>
          <xsl:sequence select="yj:element('ClaimCheck', yj:value(., 'fileKey'))"/>
        </Item>
      </xsl:for-each>
    </Evidence>
  </xsl:template>

  <!-- 调查笔录 -->
  <xsl:template match="map[@key = 'investigation']">
    <InvestigationRecord>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:sequence select="yj:element('Investigator', yj:value(., 'investigator'))"/>
      <xsl:sequence select="yj:element('Authority', yj:value(., 'investigateOrg'))"/>
      <xsl:sequence select="yj:element('Date', yj:value(., 'investigateDate'))"/>
      <xsl:sequence select="yj:element('Place', yj:value(., 'place'))"/>
      <xsl:for-each select="array[@key = 'persons']/map">
        <Person>
          <xsl:sequence select="yj:element('Name', yj:value(., 'name'))"/>
          <xsl:sequence select="yj:element('Role', yj:value(., 'role'))"/>
        </Person>
      </xsl:for-each>
      <xsl:sequence select="yj:element('RecordText', yj:value(., 'content'))"/>
    </InvestigationRecord>
  </xsl:template>

  <!-- 调解结果 -->
  <xsl:template match="map[@key = 'mediation']">
    <MediationResult>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:sequence select="yj:element('Outcome', upper-case(yj:value(., 'result')))"/>
      <xsl:sequence select="yj:element('Terms', yj:value(., 'terms'))"/>
      <xsl:for-each select="array[@key = 'amounts']/map">
        <xsl:sequence select="yj:money('AgreedAmount', yj:value(., 'amount'), yj:value(., 'currency'))"/>
      </xsl:for-each>
      <xsl:sequence select="yj:element('Mediator', yj:value(., 'mediator'))"/>
      <xsl:sequence select="yj:element('Date', yj:value(., 'mediateDate'))"/>
      <xsl:sequence select="yj:element('IssuingAuthority', yj:value(., 'issueOrg'))"/>
    </MediationResult>
  </xsl:template>

  <!-- 案件状态 -->
  <xsl:template match="map[@key = 'status']">
    <StatusUpdate>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:sequence select="yj:element('State', upper-case(yj:value(., 'state')))"/>
      <xsl:sequence select="yj:element('Reason', yj:value(., 'reason'))"/>
      <xsl:sequence select="yj:element('By', yj:value(., 'handler'))"/>
      <xsl:sequence select="yj:element('At', yj:value(., 'time'))"/>
      <xsl:sequence select="yj:element('Note', yj:value(., 'remark'))"/>
    </StatusUpdate>
  </xsl:template>

  <!-- 异地异店退货申请 -->
  <xsl:template match="map[@key = 'returnRequest']">
    <ReturnRequest>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:for-each select="map[@key = 'order']">
        <Purchase>
          <xsl:apply-templates select="map[@key = 'store']" mode="store">
            <xsl:with-param name="name" select="'OriginStore'"/>
          </xsl:apply-templates>
          <xsl:sequence select="yj:element('ReceiptNumber', yj:value(., 'receiptNo'))"/>
          <xsl:sequence select="yj:element('Date', yj:value(., 'orderDate'))"/>
          <xsl:for-each select="array[@key = 'goods']/map">
            <Item>
              <xsl:sequence select="yj:element('Name', yj:value(., 'name'))"/>
              <xsl:sequence select="yj:element('Quantity', yj:value(., 'quantity'))"/>
              <xsl:sequence select="yj:money('UnitPrice', yj:value(., 'price'), yj:value(., 'currency'))"/>
            </Item>
          </xsl:for-each>
          <xsl:sequence select="yj:money('Amount', yj:value(., 'amount'), yj:value(., 'currency'))"/>
        </Purchase>
      </xsl:for-each>
      <xsl:apply-templates select="map[@key = 'returnStore']" mode="store">
        <xsl:with-param name="name" select="'ReturnStore'"/>
      </xsl:apply-templates>
      <xsl:sequence select="yj:element('Reason', yj:value(., 'reason'))"/>
      <xsl:sequence select="yj:element('CommitmentId', yj:value(., 'commitmentNo'))"/>
      <xsl:sequence select="yj:element('RequestedAt', yj:value(., 'applyTime'))"/>
      <xsl:for-each select="map[@key = 'consumer']">
        <Consumer>
          <xsl:apply-templates select="." mode="person"/>
        </Consumer>
      </xsl:for-each>
    </ReturnRequest>
  </xsl:template>

  <!-- 退货决定 -->
  <xsl:template match="map[@key = 'returnDecision']">
    <ReturnDecision>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:sequence select="yj:element('Decision', upper-case(yj:value(., 'decision')))"/>
      <xsl:sequence select="yj:element('Reason', yj:value(., 'reason'))"/>
      <xsl:sequence select="yj:money('RefundAmount', yj:value(., 'refundAmount'), yj:value(., 'currency'))"/>
      <xsl:sequence select="yj:element('DecidedAt', yj:value(., 'decideTime'))"/>
    </ReturnDecision>
  </xsl:template>

  <!-- 先行垫付结算 -->
  <xsl:template match="map[@key = 'returnSettlement']">
    <ReturnSettlement>
      <xsl:sequence select="yj:element('CaseRef', yj:value(., 'caseRef'))"/>
      <xsl:sequence select="yj:money('RefundAmount', yj:value(., 'refundAmount'), yj:value(., 'currency'))"/>
      <xsl:sequence select="yj:element('RefundedAt', yj:value(., 'refundTime'))"/>
      <xsl:sequence select="yj:element('DueBy', yj:value(., 'dueTime'))"/>
      <xsl:apply-templates select="map[@key = 'payer']" mode="store">
        <xsl:with-param name="name" select="'Payer'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="map[@key = 'payee']" mode="store">
        <xsl:with-param name="name" select="'Payee'"/>
      </xsl:apply-templates>
    </ReturnSettlement>
  </xsl:template>

  <!-- A chain store: the chain's own store code and the division it is in. -->
  <xsl:template match="map" mode="store">
    <xsl:param name="name" as="xs:string"/>
    <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
      <xsl:sequence select="yj:element('Name', yj:value(., 'name'))"/>
      <xsl:sequence select="yj:element('StoreCode', yj:value(., 'storeCode'))"/>
      <xsl:sequence select="yj:element('DivisionCode', yj:value(., 'regionCode'))"/>
    </xsl:element>
  </xsl:template>

  <!-- The trimmed value under a key of a JSON object, or nothing when it is absent, null, blank or not a scalar. -->
  <xsl:function name="yj:value" as="xs:string?">
    <xsl:param name="object" as="element(map)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="yj:trimmed($object/(string | number | boolean)[@key = $key])"/>
  </xsl:function>

  <xsl:function name="yj:trimmed" as="xs:string?">
    <xsl:param name="scalar" as="element()?"/>
    <xsl:sequence select="fx:trim(string($scalar))[. ne '']"/>
  </xsl:function>

  <!-- A contract element, or nothing, so that the schema reports a missing field as MISSING_FIELD at its path. -->
  <xsl:function name="yj:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- An amount and its currency, kept side by side as the platforms write them, as a contract Money element. -->
  <xsl:function name="yj:money" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="amount" as="xs:string?"/>
    <xsl:param name="currency" as="xs:string?"/>
    <xsl:if test="$amount">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
        <xsl:if test="$currency">
          <xsl:attribute name="currency" select="$currency"/>
        </xsl:if>
        <xsl:sequence select="$amount"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
