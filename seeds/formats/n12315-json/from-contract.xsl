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
        <xsl:apply-templates select="c:Complaint | c:Report | c:Evidence | c:InvestigationRecord
                                     | c:StatusUpdate | c:MediationResult | c:ReturnRequest | c:ReturnDecision
                                     | c:ReturnSettlement | c:Acknowledgement | c:Rejection"/>
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
      <xsl:apply-templates select="c:Respondent">
        <xsl:with-param name="key" select="'btsr'"/>
      </xsl:apply-templates>
      <xsl:for-each select="c:Purchase">
        <map key="gmxx">
          <string key="qd">{fx:native-code('channel', c:Channel)}</string>
          <xsl:sequence select="nj:string('pt', c:Platform)"/>
          <xsl:sequence select="nj:string('dp', c:Store)"/>
          <string key="rq">{nj:date(c:Date)}</string>
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
      <!-- 同时举报. The hub strips it from a complaint bound for the respondent's side (art. 37). -->
      <xsl:for-each select="c:Report">
        <map key="jbxx">
          <xsl:apply-templates select="c:Reporter"/>
          <string key="jbnr">{c:Clues}</string>
        </map>
      </xsl:for-each>
    </map>
  </xsl:template>

  <xsl:template match="c:Report">
    <map key="jbxx">
      <string key="jbbh">{c:OriginCaseNumber}</string>
      <xsl:apply-templates select="c:Reporter"/>
      <xsl:apply-templates select="c:Respondent">
        <xsl:with-param name="key" select="'bjbr'"/>
      </xsl:apply-templates>
      <string key="jbnr">{c:Clues}</string>
      <string key="djsj">{nj:date-time(c:ReceivedAt)}</string>
      <xsl:sequence select="nj:string('sldw', c:ReceivingAuthority)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:Reporter">
    <string key="jbrxm">{c:Name}</string>
    <string key="jbrdh">{c:Phone}</string>
    <xsl:sequence select="nj:string('jbrzjhm', c:IdNumber)"/>
  </xsl:template>

  <xsl:template match="c:Respondent">
    <xsl:param name="key" as="xs:string"/>
    <map key="{$key}">
      <string key="mc">{c:Name}</string>
      <xsl:sequence select="nj:string('tyshxydm', c:CreditCode)"/>
      <xsl:sequence select="nj:string('djh', c:RegistrationNumber)"/>
      <string key="dz">{c:Address}</string>
      <string key="xzqhdm">{c:DivisionCode}</string>
      <xsl:sequence select="nj:string('ztlx', fx:native-code('subject-type', c:Kind))"/>
      <xsl:sequence select="nj:string('ptmc', c:PlatformName)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:Evidence">
    <map key="zjxx">
      <string key="ajbh">{c:CaseRef}</string>
      <array key="zjlb">
        <xsl:for-each select="c:Item">
          <map>
            <string key="zjlx">{fx:native-code('evidence-kind', c:Kind)}</string>
            <string key="wjlx">{c:ContentType}</string>
            <string key="wjdx">{c:Size}</string>
            <string key="zyz">{c:Sha256}</string>
            <xsl:sequence select="nj:string('zjsm', c:Description)"/>
            <string key="cfwz">{c:ClaimCheck}</string>
          </map>
        </xsl:for-each>
      </array>
    </map>
  </xsl:template>

  <xsl:template match="c:InvestigationRecord">
    <map key="dcbl">
      <string key="ajbh">{c:CaseRef}</string>
      <string key="dcr">{c:Investigator}</string>
      <string key="dcdw">{c:Authority}</string>
      <string key="dcrq">{nj:date(c:Date)}</string>
      <string key="dcdd">{c:Place}</string>
      <array key="zcry">
        <xsl:for-each select="c:Person">
          <map>
            <string key="xm">{c:Name}</string>
            <string key="js">{c:Role}</string>
          </map>
        </xsl:for-each>
      </array>
      <string key="blnr">{c:RecordText}</string>
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
      <string key="tjrq">{nj:date(c:Date)}</string>
      <string key="qfdw">{c:IssuingAuthority}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:ReturnRequest">
    <map key="thsq">
      <xsl:sequence select="nj:string('ajbh', c:CaseRef)"/>
      <xsl:for-each select="c:Purchase">
        <map key="gmxx">
          <xsl:apply-templates select="c:OriginStore">
            <xsl:with-param name="key" select="'gmmd'"/>
          </xsl:apply-templates>
          <string key="xpbh">{c:ReceiptNumber}</string>
          <string key="rq">{nj:date(c:Date)}</string>
          <array key="spqd">
            <xsl:for-each select="c:Item">
              <map>
                <string key="mc">{c:Name}</string>
                <string key="sl">{c:Quantity}</string>
                <string key="dj">{c:UnitPrice}</string>
                <string key="bz">{c:UnitPrice/@currency}</string>
              </map>
            </xsl:for-each>
          </array>
          <string key="je">{c:Amount}</string>
          <string key="bz">{c:Amount/@currency}</string>
        </map>
      </xsl:for-each>
      <xsl:apply-templates select="c:ReturnStore">
        <xsl:with-param name="key" select="'thmd'"/>
      </xsl:apply-templates>
      <string key="thyy">{c:Reason}</string>
      <xsl:sequence select="nj:string('cnbh', c:CommitmentId)"/>
      <string key="sqsj">{nj:date-time(c:RequestedAt)}</string>
      <xsl:sequence select="nj:string('xfzxm', c:Consumer/c:Name), nj:string('xfzdh', c:Consumer/c:Phone),
          nj:string('xfzzjhm', c:Consumer/c:IdNumber)"/>
    </map>
  </xsl:template>

  <xsl:template match="c:ReturnDecision">
    <map key="thjd">
      <string key="ajbh">{c:CaseRef}</string>
      <string key="jd">{fx:native-code('return-decision', c:Decision)}</string>
      <xsl:sequence select="nj:string('yy', c:Reason)"/>
      <xsl:apply-templates select="c:RefundAmount"/>
      <string key="jdsj">{nj:date-time(c:DecidedAt)}</string>
    </map>
  </xsl:template>

  <xsl:template match="c:ReturnSettlement">
    <map key="thjs">
      <string key="ajbh">{c:CaseRef}</string>
      <xsl:apply-templates select="c:RefundAmount"/>
      <string key="tksj">{nj:date-time(c:RefundedAt)}</string>
      <string key="jsqx">{nj:date-time(c:DueBy)}</string>
      <xsl:apply-templates select="c:Payer">
        <xsl:with-param name="key" select="'fkmd'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="c:Payee">
        <xsl:with-param name="key" select="'skmd'"/>
      </xsl:apply-templates>
    </map>
  </xsl:template>

  <xsl:template match="c:RefundAmount">
    <map key="tkje">
      <string key="je">{.}</string>
      <string key="bz">{@currency}</string>
    </map>
  </xsl:template>

  <!-- 门店 -->
  <xsl:template match="c:OriginStore | c:ReturnStore | c:Payer | c:Payee">
    <xsl:param name="key" as="xs:string"/>
    <map key="{$key}">
      <string key="mc">{c:Name}</string>
      <string key="mdbm">{c:StoreCode}</string>
      <string key="xzqhdm">{c:DivisionCode}</string>
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

  <!-- A calendar date, yyyyMMdd. -->
  <xsl:function name="nj:date" as="xs:string">
    <xsl:param name="date" as="xs:string"/>
    <xsl:sequence select="format-date(xs:date($date), '[Y0001][M01][D01]')"/>
  </xsl:function>

  <!-- An instant as China time, yyyyMMddHHmmss. -->
  <xsl:function name="nj:date-time" as="xs:string">
    <xsl:param name="instant" as="xs:string"/>
    <xsl:sequence select="format-dateTime(adjust-dateTime-to-timezone(xs:dateTime($instant),
                          xs:dayTimeDuration('PT8H')), '[Y0001][M01][D01][H01][m01][s01]')"/>
  </xsl:function>

</xsl:stylesheet>
