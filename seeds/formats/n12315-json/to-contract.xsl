<?xml version="1.0" encoding="UTF-8"?>
<!--
  n12315-json → contract v1. The national 12315 platform writes JSON with pinyin-abbreviation keys (see README.md
  beside this file). The gateway hands this stylesheet the result of fn:json-to-xml, so a key is
  <string key="xxbh">…</string> inside <map>, all in the fn namespace, which is the default for paths here.
  Times are yyyyMMddHHmmss and dates yyyyMMdd, in China time (+08:00); amounts are strings so no decimal is lost.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:nj="urn:cn:consumer-exchange:formats:n12315-json"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    xpath-default-namespace="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <!-- What a partner may send; HZ 回执 and TH 退回 are the exchange's own answers. -->
  <xsl:variable name="nj:readable-types" as="xs:string+"
      select="('TS', 'JB', 'ZJ', 'DC', 'ZT', 'TJ', 'THSQ', 'THJD', 'THJS')"/>
  <xsl:variable name="nj:bodies" as="xs:string+"
      select="('tsxx', 'jbxx', 'zjxx', 'dcbl', 'ztxx', 'tjxx', 'thsq', 'thjd', 'thjs')"/>

  <xsl:template match="/map">
    <xsl:variable name="type" select="nj:value(., 'xxlx')"/>
    <xsl:variable name="body" select="map[@key = $nj:bodies]"/>
    <xsl:if test="not($type = $nj:readable-types)">
      <xsl:message terminate="yes">xxlx must be one of {string-join($nj:readable-types, ', ')} on a message sent to the exchange.</xsl:message>
    </xsl:if>
    <xsl:if test="empty($body)">
      <xsl:message terminate="yes">A message of type {$type} needs its body object ({string-join($nj:bodies, ', ')}).</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <Envelope>
        <xsl:sequence select="nj:element('MessageId', nj:value(., 'xxbh'))"/>
        <xsl:sequence select="nj:element('MessageType', fx:code('message-type', $type))"/>
        <xsl:sequence select="nj:element('Sender', nj:value(., 'fsdw'))"/>
        <xsl:sequence select="nj:element('Receiver', nj:value(., 'jsdw'))"/>
        <xsl:for-each select="array[@key = 'glbh']/string">
          <CaseRef>{.}</CaseRef>
        </xsl:for-each>
        <xsl:sequence select="nj:element('SentAt', nj:date-time(nj:value(., 'fssj')))"/>
        <ContractVersion>1.0</ContractVersion>
        <xsl:for-each select="map[@key = 'qm']">
          <Signature>
            <xsl:sequence select="nj:element('Algorithm', nj:value(., 'sf'))"/>
            <xsl:sequence select="nj:element('KeyId', nj:value(., 'my'))"/>
            <xsl:sequence select="nj:element('Value', nj:value(., 'qmz'))"/>
          </Signature>
        </xsl:for-each>
      </Envelope>
      <xsl:apply-templates select="$body"/>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">A 12315 message is a JSON object.</xsl:message>
  </xsl:template>

  <!-- 投诉信息 -->
  <xsl:template match="map[@key = 'tsxx']">
    <Complaint>
      <xsl:sequence select="nj:element('OriginCaseNumber', nj:value(., 'tsbh'))"/>
      <Complainant>
        <xsl:sequence select="nj:element('Name', nj:value(., 'tsrxm'))"/>
        <xsl:sequence select="nj:element('Phone', nj:value(., 'tsrdh'))"/>
        <xsl:sequence select="nj:element('IdNumber', nj:value(., 'tsrzjhm'))"/>
      </Complainant>
      <xsl:apply-templates select="map[@key = 'btsr']" mode="respondent"/>
      <xsl:for-each select="map[@key = 'gmxx']">
        <Purchase>
          <xsl:sequence select="nj:element('Channel', fx:code('channel', nj:value(., 'qd')))"/>
          <xsl:sequence select="nj:element('Platform', nj:value(., 'pt'))"/>
          <xsl:sequence select="nj:element('Store', nj:value(., 'dp'))"/>
          <xsl:sequence select="nj:element('Date', nj:date(nj:value(., 'rq')))"/>
          <xsl:sequence select="nj:amount('Amount', .)"/>
        </Purchase>
      </xsl:for-each>
      <xsl:sequence select="nj:element('Category', nj:value(., 'tslb'))"/>
      <xsl:sequence select="nj:element('Facts', nj:value(., 'tsnr'))"/>
      <xsl:where-populated>
        <Requests>
          <xsl:for-each select="array[@key = 'sq']/string">
            <Request>{fx:code('request', .)}</Request>
          </xsl:for-each>
        </Requests>
      </xsl:where-populated>
      <xsl:sequence select="nj:element('ReceivedAt', nj:date-time(nj:value(., 'djsj')))"/>
      <xsl:sequence select="nj:element('ReceivingAuthority', nj:value(., 'sldw'))"/>
      <!-- 同时举报: a report made in the same submission; without a reporter the complainant reports. -->
      <xsl:for-each select="map[@key = 'jbxx']">
        <Report>
          <xsl:where-populated>
            <Reporter>
              <xsl:sequence select="nj:reporter(.)"/>
            </Reporter>
          </xsl:where-populated>
          <xsl:sequence select="nj:element('Clues', nj:value(., 'jbnr'))"/>
        </Report>
      </xsl:for-each>
    </Complaint>
  </xsl:template>

  <!-- 举报信息 -->
  <xsl:template match="map[@key = 'jbxx']">
    <Report>
      <xsl:sequence select="nj:element('OriginCaseNumber', nj:value(., 'jbbh'))"/>
      <Reporter>
        <xsl:sequence select="nj:reporter(.)"/>
      </Reporter>
      <xsl:apply-templates select="map[@key = 'bjbr']" mode="respondent"/>
      <xsl:sequence select="nj:element('Clues', nj:value(., 'jbnr'))"/>
      <xsl:sequence select="nj:element('ReceivedAt', nj:date-time(nj:value(., 'djsj')))"/>
      <xsl:sequence select="nj:element('ReceivingAuthority', nj:value(., 'sldw'))"/>
    </Report>
  </xsl:template>

  <!-- 被投诉人 / 被举报人 -->
  <xsl:template match="map" mode="respondent">
    <Respondent>
      <xsl:sequence select="nj:element('Name', nj:value(., 'mc'))"/>
      <xsl:sequence select="nj:element('CreditCode', nj:value(., 'tyshxydm'))"/>
      <xsl:sequence select="nj:element('RegistrationNumber', nj:value(., 'djh'))"/>
      <xsl:sequence select="nj:element('Address', nj:value(., 'dz'))"/>
      <xsl:sequence select="nj:element('DivisionCode', nj:value(., 'xzqhdm'))"/>
      <xsl:sequence select="nj:element('Kind', fx:code('subject-type', nj:value(., 'ztlx')))"/>
      <xsl:sequence select="nj:element('PlatformName', nj:value(., 'ptmc'))"/>
    </Respondent>
  </xsl:template>

  <!-- 证据信息: the files stay in the platform's evidence store; cfwz says where. -->
  <xsl:template match="map[@key = 'zjxx']">
    <Evidence>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:for-each select="array[@key = 'zjlb']/map">
        <Item>
          <xsl:sequence select="nj:element('Kind', fx:code('evidence-kind', nj:value(., 'zjlx')))"/>
          <xsl:sequence select="nj:element('ContentType', nj:value(., 'wjlx'))"/>
          <xsl:sequence select="nj:element('Size', nj:value(., 'wjdx'))"/>
          <xsl:sequence select="nj:element('Sha256', nj:value(., 'zyz'))"/>
          <xsl:sequence select="nj:element('Description', nj:value(., 'zjsm'))"/>
          <xsl:sequence select="nj:element('ClaimCheck', nj:value(., 'cfwz'))"/>
        </Item>
      </xsl:for-each>
    </Evidence>
  </xsl:template>

  <!-- 调查笔录 -->
  <xsl:template match="map[@key = 'dcbl']">
    <InvestigationRecord>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:sequence select="nj:element('Investigator', nj:value(., 'dcr'))"/>
      <xsl:sequence select="nj:element('Authority', nj:value(., 'dcdw'))"/>
      <xsl:sequence select="nj:element('Date', nj:date(nj:value(., 'dcrq')))"/>
      <xsl:sequence select="nj:element('Place', nj:value(., 'dcdd'))"/>
      <xsl:for-each select="array[@key = 'zcry']/map">
        <Person>
          <xsl:sequence select="nj:element('Name', nj:value(., 'xm'))"/>
          <xsl:sequence select="nj:element('Role', nj:value(., 'js'))"/>
        </Person>
      </xsl:for-each>
      <xsl:sequence select="nj:element('RecordText', nj:value(., 'blnr'))"/>
    </InvestigationRecord>
  </xsl:template>

  <!-- 状态信息 -->
  <xsl:template match="map[@key = 'ztxx']">
    <StatusUpdate>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:sequence select="nj:element('State', fx:code('case-state', nj:value(., 'ajzt')))"/>
      <xsl:sequence select="nj:element('Reason', nj:value(., 'yy'))"/>
      <xsl:sequence select="nj:element('By', nj:value(., 'cldw'))"/>
      <xsl:sequence select="nj:element('At', nj:date-time(nj:value(., 'clsj')))"/>
      <xsl:sequence select="nj:element('Note', nj:value(., 'bzxx'))"/>
    </StatusUpdate>
  </xsl:template>

  <!-- 调解信息 -->
  <xsl:template match="map[@key = 'tjxx']">
    <MediationResult>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:sequence select="nj:element('Outcome', fx:code('mediation-outcome', nj:value(., 'tjjg')))"/>
      <xsl:sequence select="nj:element('Terms', nj:value(., 'xynr'))"/>
      <xsl:for-each select="array[@key = 'xyje']/map">
        <xsl:sequence select="nj:amount('AgreedAmount', .)"/>
      </xsl:for-each>
      <xsl:sequence select="nj:element('Mediator', nj:value(., 'tjy'))"/>
      <xsl:sequence select="nj:element('Date', nj:date(nj:value(., 'tjrq')))"/>
      <xsl:sequence select="nj:element('IssuingAuthority', nj:value(., 'qfdw'))"/>
    </MediationResult>
  </xsl:template>

  <!-- 退货申请: sent by the region of the store that takes the goods back -->
  <xsl:template match="map[@key = 'thsq']">
    <ReturnRequest>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:for-each select="map[@key = 'gmxx']">
        <Purchase>
          <xsl:apply-templates select="map[@key = 'gmmd']" mode="store">
            <xsl:with-param name="name" select="'OriginStore'"/>
          </xsl:apply-templates>
          <xsl:sequence select="nj:element('ReceiptNumber', nj:value(., 'xpbh'))"/>
          <xsl:sequence select="nj:element('Date', nj:date(nj:value(., 'rq')))"/>
          <xsl:for-each select="array[@key = 'spqd']/map">
            <Item>
              <xsl:sequence select="nj:element('Name', nj:value(., 'mc'))"/>
              <xsl:sequence select="nj:element('Quantity', nj:value(., 'sl'))"/>
              <xsl:sequence select="nj:money('UnitPrice', nj:value(., 'dj'), nj:value(., 'bz'))"/>
            </Item>
          </xsl:for-each>
          <xsl:sequence select="nj:amount('Amount', .)"/>
        </Purchase>
      </xsl:for-each>
      <xsl:apply-templates select="map[@key = 'thmd']" mode="store">
        <xsl:with-param name="name" select="'ReturnStore'"/>
      </xsl:apply-templates>
      <xsl:sequence select="nj:element('Reason', nj:value(., 'thyy'))"/>
      <xsl:sequence select="nj:element('CommitmentId', nj:value(., 'cnbh'))"/>
      <xsl:sequence select="nj:element('RequestedAt', nj:date-time(nj:value(., 'sqsj')))"/>
      <!-- 消费者: the consumer returning the goods -->
      <xsl:if test="nj:value(., 'xfzxm') or nj:value(., 'xfzdh')">
        <Consumer>
          <xsl:sequence select="nj:element('Name', nj:value(., 'xfzxm'))"/>
          <xsl:sequence select="nj:element('Phone', nj:value(., 'xfzdh'))"/>
          <xsl:sequence select="nj:element('IdNumber', nj:value(., 'xfzzjhm'))"/>
        </Consumer>
      </xsl:if>
    </ReturnRequest>
  </xsl:template>

  <!-- 退货决定 -->
  <xsl:template match="map[@key = 'thjd']">
    <ReturnDecision>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:sequence select="nj:element('Decision', fx:code('return-decision', nj:value(., 'jd')))"/>
      <xsl:sequence select="nj:element('Reason', nj:value(., 'yy'))"/>
      <xsl:for-each select="map[@key = 'tkje']">
        <xsl:sequence select="nj:amount('RefundAmount', .)"/>
      </xsl:for-each>
      <xsl:sequence select="nj:element('DecidedAt', nj:date-time(nj:value(., 'jdsj')))"/>
    </ReturnDecision>
  </xsl:template>

  <!-- 退货结算: the return store refunded first (先行垫付); the origin store owes it the amount by jsqx. -->
  <xsl:template match="map[@key = 'thjs']">
    <ReturnSettlement>
      <xsl:sequence select="nj:element('CaseRef', nj:value(., 'ajbh'))"/>
      <xsl:for-each select="map[@key = 'tkje']">
        <xsl:sequence select="nj:amount('RefundAmount', .)"/>
      </xsl:for-each>
      <xsl:sequence select="nj:element('RefundedAt', nj:date-time(nj:value(., 'tksj')))"/>
      <xsl:sequence select="nj:element('DueBy', nj:date-time(nj:value(., 'jsqx')))"/>
      <xsl:apply-templates select="map[@key = 'fkmd']" mode="store">
        <xsl:with-param name="name" select="'Payer'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="map[@key = 'skmd']" mode="store">
        <xsl:with-param name="name" select="'Payee'"/>
      </xsl:apply-templates>
    </ReturnSettlement>
  </xsl:template>

  <!-- 门店: one store of a chain, by the chain's own store code (门店编码). -->
  <xsl:template match="map" mode="store">
    <xsl:param name="name" as="xs:string"/>
    <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
      <xsl:sequence select="nj:element('Name', nj:value(., 'mc'))"/>
      <xsl:sequence select="nj:element('StoreCode', nj:value(., 'mdbm'))"/>
      <xsl:sequence select="nj:element('DivisionCode', nj:value(., 'xzqhdm'))"/>
    </xsl:element>
  </xsl:template>

  <!-- 举报人: name, phone and ID number, under the keys the report and the complaint's report part share. -->
  <xsl:function name="nj:reporter" as="element()*">
    <xsl:param name="object" as="element(map)"/>
    <xsl:sequence select="nj:element('Name', nj:value($object, 'jbrxm'))"/>
    <xsl:sequence select="nj:element('Phone', nj:value($object, 'jbrdh'))"/>
    <xsl:sequence select="nj:element('IdNumber', nj:value($object, 'jbrzjhm'))"/>
  </xsl:function>

  <!-- The trimmed string under a key of a JSON object, or nothing when it is absent, null or blank. -->
  <xsl:function name="nj:value" as="xs:string?">
    <xsl:param name="object" as="element(map)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="value" select="fx:trim(string($object/*[@key = $key]))"/>
    <xsl:sequence select="$value[. ne '']"/>
  </xsl:function>

  <!-- A contract element, or nothing, so that the schema reports a missing field as MISSING_FIELD at its path. -->
  <xsl:function name="nj:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- An amount object {"je": "…", "bz": "CNY"} as a contract Money element. -->
  <xsl:function name="nj:amount" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="object" as="element(map)"/>
    <xsl:sequence select="nj:money($name, nj:value($object, 'je'), nj:value($object, 'bz'))"/>
  </xsl:function>

  <!-- A contract Money element, or nothing without an amount; a missing currency is left for the schema. -->
  <xsl:function name="nj:money" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="amount" as="xs:string?"/>
    <xsl:param name="currency" as="xs:string?"/>
    <xsl:for-each select="$amount">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
        <xsl:if test="$currency">
          <xsl:attribute name="currency" select="$currency"/>
        </xsl:if>
        <xsl:sequence select="."/>
      </xsl:element>
    </xsl:for-each>
  </xsl:function>

  <!-- yyyyMMddHHmmss in China time to xs:dateTime with +08:00; anything else is left for the schema to refuse. -->
  <xsl:function name="nj:date-time" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value ! replace(., '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$', '$1-$2-$3T$4:$5:$6+08:00')"/>
  </xsl:function>

  <!-- yyyyMMdd to xs:date. -->
  <xsl:function name="nj:date" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value ! replace(., '^(\d{4})(\d{2})(\d{2})$', '$1-$2-$3')"/>
  </xsl:function>

</xsl:stylesheet>
