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

  <xsl:template match="/map">
    <xsl:variable name="type" select="nj:value(., 'xxlx')"/>
    <xsl:variable name="body" select="map[@key = ('tsxx', 'ztxx', 'tjxx')]"/>
    <xsl:if test="not($type = ('TS', 'ZT', 'TJ'))">
      <xsl:message terminate="yes">xxlx must be TS, ZT or TJ on a message sent to the exchange.</xsl:message>
    </xsl:if>
    <xsl:if test="empty($body)">
      <xsl:message terminate="yes">A message of type {$type} needs its body object (tsxx, ztxx or tjxx).</xsl:message>
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
      <xsl:for-each select="map[@key = 'btsr']">
        <Respondent>
          <xsl:sequence select="nj:element('Name', nj:value(., 'mc'))"/>
          <xsl:sequence select="nj:element('CreditCode', nj:value(., 'tyshxydm'))"/>
          <xsl:sequence select="nj:element('RegistrationNumber', nj:value(., 'djh'))"/>
          <xsl:sequence select="nj:element('Address', nj:value(., 'dz'))"/>
          <xsl:sequence select="nj:element('DivisionCode', nj:value(., 'xzqhdm'))"/>
          <xsl:sequence select="nj:element('Kind', fx:code('subject-type', nj:value(., 'ztlx')))"/>
          <xsl:sequence select="nj:element('PlatformName', nj:value(., 'ptmc'))"/>
        </Respondent>
      </xsl:for-each>
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
    </Complaint>
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

  <!-- The trimmed string under a key of a JSON object, or nothing when it is absent, null or blank. -->
  <xsl:function name="nj:value" as="xs:string?">
    <xsl:param name="object" as="element(map)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="value" select="replace(string($object/*[@key = $key]), '^\s+|\s+$', '')"/>
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
    <xsl:for-each select="nj:value($object, 'je')">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
        <xsl:attribute name="currency" select="nj:value($object, 'bz')"/>
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
