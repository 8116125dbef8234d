<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → n12315-json. Builds the JSON as fn:json-to-xml's XML shape, then writes it with fn:xml-to-json, so
  keys keep the order written here. Keys without a value are left out. See README.md for the keys.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:nj="urn:cn:consumer-exchange:formats:n12315-json"
    xmlns:c="urn:cn:consumer-exchange:contract:v1"
    xmlns="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/c:ExchangeMessage">
    <xsl:variable name="json">
      <map>
        <xsl:apply-templates select="c:Envelope"/>
        <xsl:apply-templates select="c:Complaint | c:StatusUpdate | c:MediationResult | c:Acknowledgement
                                     | c:Rejection"/>
      </map>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($json)"/>
  </xsl:template>

  <xsl:template match="c:Envelope">
    <string key="xxbh">{c:MessageId}</string>
    <string key="xxlx">{fx:native-code('message-type', c:MessageType)}</string>
    <string key="fsdw">{c:Sender}</string>
    <xsl:sequence select="nj:string('jsdw', c:Receiver)"/>
    <xsl:if test="c:CaseRef">
      <array key="glbh">
        <xsl:for-each select="c:CaseRef">
          <string>{.}</string>
        </xsl:for-each>
      </array>
    </xsl:if>
    <string key="fssj">{nj:date-time(c:SentAt)}</string>
    <xsl:for-each select="c:Signature">
      <map key="qm">
        <string key="sf">{c:Algorithm}</string>
        <string key="my">{c:KeyId}</string>
        <string key="qmz">{c:Value}</string>
      </map>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:Complaint">
    <map key="tsxx">
      <string key="tsbh">{c:OriginCaseNumber}</string>
      <string key="tsrxm">{c:Complainant/c:Name}</string>
      <string key="tsrdh">{c:Complainant/c:Phone}</string>
      <xsl:sequence select="nj:string('tsrzjhm', c:Complainant/c:IdNumber)"/>
      <xsl:for-each select="c:Respondent">
        <map key="btsr">
          <string key="mc">{c:Name}</string>
          <xsl:sequence select="nj:string('tyshxydm', c:CreditCode)"/>
          <xsl:sequence select="nj:string('djh', c:RegistrationNumber)"/>
          <string key="dz">{c:Address}</string>
          <string key="xzqhdm">{c:DivisionCode}</string>
          <xsl:sequence select="nj:string('ztlx', fx:native-code('subject-type', c:Kind))"/>
          <xsl:sequence select="nj:string('ptmc', c:PlatformName)"/>
        </map>
      </xsl:for-each>
      <xsl:for-each select="c:Purchase">
        <map key="gmxx">
          <string key="qd">{fx:native-code('channel', c:Channel)}</string>
          <xsl:sequence select="nj:string('pt', c:Platform)"/>
          <xsl:sequence select="nj:string('dp', c:Store)"/>
          <string key="rq">{format-date(xs:date(c:Date), '[Y0001][M01][D01]')}</string>
          <string key="je">{c:Amount}</string>
          <string key="bz">{c:Amount/@currency}</string>
        </map>
      </xsl:for-each>
      <string key="tslb">{c:Category}</string>
      <string key="tsnr">{c:Facts}</string>
      <array key="sq">
        <xsl:for-each select="c:Requests/c:Request">
          <string>{fx:native-code('request', .)}</string>
        </xsl:for-each>
      </array>
      <string key="djsj">{nj:date-time(c:ReceivedAt)}</string>
      <xsl:sequence select="nj:string('sldw', c:ReceivingAuthority)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:StatusUpdate">
    <map key="ztxx">
      <string key="ajbh">{c:CaseRef}</string>
      <string key="ajzt">{fx:native-code('case-state', c:State)}</string>
      <xsl:sequence select="nj:string('yy', c:Reason)"/>
      <string key="cldw">{c:By}</string>
      <string key="clsj">{nj:date-time(c:At)}</string>
      <xsl:sequence select="nj:string('bzxx', c:Note)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:MediationResult">
    <map key="tjxx">
      <string key="ajbh">{c:CaseRef}</string>
      <string key="tjjg">{fx:native-code('mediation-outcome', c:Outcome)}</string>
      <xsl:sequence select="nj:string('xynr', c:Terms)"/>
      <xsl:if test="c:AgreedAmount">
        <array key="xyje">
          <xsl:for-each select="c:AgreedAmount">
            <map>
              <string key="je">{.}</string>
              <string key="bz">{@currency}</string>
            </map>
          </xsl:for-each>
        </array>
      </xsl:if>
      <string key="tjy">{c:Mediator}</string>
      <string key="tjrq">{format-date(xs:date(c:Date), '[Y0001][M01][D01]')}</string>
      <string key="qfdw">{c:IssuingAuthority}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:Acknowledgement">
    <map key="hzxx">
      <string key="yxxbh">{c:AnswersMessageId}</string>
      <string key="wgbh">{c:GatewayReference}</string>
      <string key="jssj">{nj:date-time(c:AcceptedAt)}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:Rejection">
    <map key="thxx">
      <string key="yxxbh">{c:AnswersMessageId}</string>
      <string key="thsj">{nj:date-time(c:RejectedAt)}</string>
      <array key="cwlb">
        <xsl:for-each select="c:Error">
          <map>
            <string key="cwdm">{c:Code}</string>
            <string key="cwwz">{c:Path}</string>
            <string key="cwms">{c:Reason}</string>
          </map>
        </xsl:for-each>
      </array>
    </map>
  </xsl:template>

  <!-- A string member, or nothing when the contract has no value for it. -->
  <xsl:function name="nj:string" as="element()?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <string key="{$key}">{$value}</string>
    </xsl:if>
  </xsl:function>

  <!-- An instant as China time, yyyyMMddHHmmss. -->
  <xsl:function name="nj:date-time" as="xs:string">
    <xsl:param name="instant" as="xs:string"/>
    <xsl:sequence select="format-dateTime(adjust-dateTime-to-timezone(xs:dateTime($instant),
                          xs:dayTimeDuration('PT8H')), '[Y0001][M01][D01][H01][m01][s01]')"/>
  </xsl:function>

</xsl:stylesheet>
