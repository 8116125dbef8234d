<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → hlj-csv: one CSV line (no header; the batch file carries it once) in the column order of
  format.json. Fields holding a comma, a quote or a line break are quoted, quotes doubled; a field a spreadsheet would
  run as a formula starts with a single quote (see hl:field). Acknowledgements and
  rejections are lines with record_type ACK or REJECT; a rejection's errors go into error_codes, error_paths and
  error_reasons, each joined with "|" in the same order ("|" inside a reason becomes "｜").
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:hl="urn:cn:consumer-exchange:formats:hlj-csv"
    xmlns:c="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- The same order as "csv.columns" in format.json. -->
  <xsl:variable name="columns" as="xs:string+" select="(
      'record_type', 'msg_id', 'sender', 'receiver', 'case_refs', 'sent_time',
      'case_no', 'consumer_name', 'consumer_phone', 'consumer_id_no',
      'merchant_name', 'merchant_uscc', 'merchant_reg_no', 'merchant_address', 'merchant_area', 'merchant_type',
      'platform_name', 'channel', 'purchase_platform', 'store', 'purchase_date', 'amount', 'currency',
      'category', 'facts', 'requests', 'received_time', 'receiving_org',
      'state', 'reason', 'handled_by', 'handled_time', 'note',
      'answers_msg_id', 'gateway_ref', 'error_codes', 'error_paths', 'error_reasons')"/>

  <xsl:template match="/c:ExchangeMessage">
    <xsl:variable name="values" as="map(xs:string, xs:string?)">
      <xsl:map>
        <xsl:apply-templates select="c:Envelope | c:Complaint | c:StatusUpdate | c:Acknowledgement | c:Rejection"/>
      </xsl:map>
    </xsl:variable>
    <xsl:value-of select="string-join($columns ! hl:field($values(.)), ',')"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="c:Envelope">
    <xsl:map-entry key="'record_type'" select="fx:native-code('record-type', c:MessageType)"/>
    <xsl:map-entry key="'msg_id'" select="string(c:MessageId)"/>
    <xsl:map-entry key="'sender'" select="string(c:Sender)"/>
    <xsl:map-entry key="'receiver'" select="c:Receiver ! string()"/>
    <xsl:map-entry key="'case_refs'" select="string-join(c:CaseRef, '|')"/>
    <xsl:map-entry key="'sent_time'" select="hl:date-time(c:SentAt)"/>
  </xsl:template>

  <xsl:template match="c:Complaint">
    <xsl:map-entry key="'case_no'" select="string(c:OriginCaseNumber)"/>
    <xsl:map-entry key="'consumer_name'" select="string(c:Complainant/c:Name)"/>
    <xsl:map-entry key="'consumer_phone'" select="string(c:Complainant/c:Phone)"/>
    <xsl:map-entry key="'consumer_id_no'" select="c:Complainant/c:IdNumber ! string()"/>
    <xsl:map-entry key="'merchant_name'" select="string(c:Respondent/c:Name)"/>
    <xsl:map-entry key="'merchant_uscc'" select="c:Respondent/c:CreditCode ! string()"/>
    <xsl:map-entry key="'merchant_reg_no'" select="c:Respondent/c:RegistrationNumber ! string()"/>
    <xsl:map-entry key="'merchant_address'" select="string(c:Respondent/c:Address)"/>
    <xsl:map-entry key="'merchant_area'" select="string(c:Respondent/c:DivisionCode)"/>
    <xsl:map-entry key="'merchant_type'" select="fx:native-code('merchant-type', c:Respondent/c:Kind)"/>
    <xsl:map-entry key="'platform_name'" select="c:Respondent/c:PlatformName ! string()"/>
    <xsl:map-entry key="'channel'" select="fx:native-code('channel', c:Purchase/c:Channel)"/>
    <xsl:map-entry key="'purchase_platform'" select="c:Purchase/c:Platform ! string()"/>
    <xsl:map-entry key="'store'" select="c:Purchase/c:Store ! string()"/>
    <xsl:map-entry key="'purchase_date'" select="string(c:Purchase/c:Date)"/>
    <xsl:map-entry key="'amount'" select="string(c:Purchase/c:Amount)"/>
    <xsl:map-entry key="'currency'" select="string(c:Purchase/c:Amount/@currency)"/>
    <xsl:map-entry key="'category'" select="string(c:Category)"/>
    <xsl:map-entry key="'facts'" select="string(c:Facts)"/>
    <xsl:map-entry key="'requests'" select="string-join(c:Requests/c:Request ! fx:native-code('request', .), '|')"/>
    <xsl:map-entry key="'received_time'" select="hl:date-time(c:ReceivedAt)"/>
    <xsl:map-entry key="'receiving_org'" select="c:ReceivingAuthority ! string()"/>
  </xsl:template>

  <xsl:template match="c:StatusUpdate">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'state'" select="fx:native-code('state', c:State)"/>
    <xsl:map-entry key="'reason'" select="c:Reason ! string()"/>
    <xsl:map-entry key="'handled_by'" select="string(c:By)"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:At)"/>
    <xsl:map-entry key="'note'" select="c:Note ! string()"/>
  </xsl:template>

  <xsl:template match="c:Acknowledgement">
    <xsl:map-entry key="'answers_msg_id'" select="string(c:AnswersMessageId)"/>
    <xsl:map-entry key="'gateway_ref'" select="string(c:GatewayReference)"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:AcceptedAt)"/>
  </xsl:template>

  <xsl:template match="c:Rejection">
    <xsl:map-entry key="'answers_msg_id'" select="string(c:AnswersMessageId)"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:RejectedAt)"/>
    <xsl:map-entry key="'error_codes'" select="string-join(c:Error/c:Code, '|')"/>
    <xsl:map-entry key="'error_paths'" select="string-join(c:Error/c:Path, '|')"/>
    <xsl:map-entry key="'error_reasons'" select="string-join(c:Error/c:Reason ! translate(., '|', '｜'), '|')"/>
  </xsl:template>

  <!-- One CSV field. A value that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
       return, after any single quotes) gets a single quote in front (OWASP "CSV injection"); to-contract.xsl takes
       exactly that quote off again. Then quoted when it holds a separator, a quote or a line break. -->
  <xsl:function name="hl:field" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="inert" select="if (matches(string($value), '^''*[=+\-@&#9;&#13;]'))
                                       then '''' || $value else string($value)"/>
    <xsl:sequence select="if (matches($inert, '[,&quot;&#13;&#10;]'))
                          then '&quot;' || replace($inert, '&quot;', '&quot;&quot;') || '&quot;'
                          else $inert"/>
  </xsl:function>

  <!-- An instant as China time, "yyyy-MM-dd HH:mm:ss". -->
  <xsl:function name="hl:date-time" as="xs:string">
    <xsl:param name="instant" as="xs:string"/>
    <xsl:sequence select="format-dateTime(adjust-dateTime-to-timezone(xs:dateTime($instant),
                          xs:dayTimeDuration('PT8H')), '[Y0001]-[M01]-[D01] [H01]:[m01]:[s01]')"/>
  </xsl:function>

</xsl:stylesheet>
