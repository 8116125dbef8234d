<?xml version="1.0" encoding="UTF-8"?>
<!--
  hlj-csv → contract v1. Heilongjiang's batch system writes one case per CSV line; the gateway hands this stylesheet
  one line as <record><field name="column">value</field>…</record>. The record_type column says what the line is
  (COMPLAINT or STATUS); columns that do not apply to it are empty. Date-times are "yyyy-MM-dd HH:mm:ss" in China
  time (+08:00); case references and requests are joined with "|".
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:hl="urn:cn:consumer-exchange:formats:hlj-csv"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:variable name="record" select="/record"/>

  <xsl:template match="/record">
    <xsl:variable name="type" select="hl:value('record_type')"/>
    <xsl:if test="not($type = ('COMPLAINT', 'STATUS'))">
      <xsl:message terminate="yes">Column record_type must be COMPLAINT or STATUS on a line sent to the exchange.</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <Envelope>
        <xsl:sequence select="hl:element('MessageId', hl:value('msg_id'))"/>
        <xsl:sequence select="hl:element('MessageType', fx:code('record-type', $type))"/>
        <xsl:sequence select="hl:element('Sender', hl:value('sender'))"/>
        <xsl:sequence select="hl:element('Receiver', hl:value('receiver'))"/>
        <xsl:for-each select="hl:list('case_refs')">
          <CaseRef>{.}</CaseRef>
        </xsl:for-each>
        <xsl:sequence select="hl:element('SentAt', hl:date-time(hl:value('sent_time')))"/>
        <ContractVersion>1.0</ContractVersion>
      </Envelope>
      <xsl:choose>
        <xsl:when test="$type = 'COMPLAINT'">
          <xsl:call-template name="complaint"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="status"/>
        </xsl:otherwise>
      </xsl:choose>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template name="complaint">
    <Complaint>
      <xsl:sequence select="hl:element('OriginCaseNumber', hl:value('case_no'))"/>
      <Complainant>
        <xsl:sequence select="hl:element('Name', hl:value('consumer_name'))"/>
        <xsl:sequence select="hl:element('Phone', hl:value('consumer_phone'))"/>
        <xsl:sequence select="hl:element('IdNumber', hl:value('consumer_id_no'))"/>
      </Complainant>
      <Respondent>
        <xsl:sequence select="hl:element('Name', hl:value('merchant_name'))"/>
        <xsl:sequence select="hl:element('CreditCode', hl:value('merchant_uscc'))"/>
        <xsl:sequence select="hl:element('RegistrationNumber', hl:value('merchant_reg_no'))"/>
        <xsl:sequence select="hl:element('Address', hl:value('merchant_address'))"/>
        <xsl:sequence select="hl:element('DivisionCode', hl:value('merchant_area'))"/>
        <xsl:sequence select="hl:element('Kind', fx:code('merchant-type', hl:value('merchant_type')))"/>
        <xsl:sequence select="hl:element('PlatformName', hl:value('platform_name'))"/>
      </Respondent>
      <Purchase>
        <xsl:sequence select="hl:element('Channel', fx:code('channel', hl:value('channel')))"/>
        <xsl:sequence select="hl:element('Platform', hl:value('purchase_platform'))"/>
        <xsl:sequence select="hl:element('Store', hl:value('store'))"/>
        <xsl:sequence select="hl:element('Date', hl:value('purchase_date'))"/>
        <xsl:for-each select="hl:value('amount')">
          <!-- The batch system leaves the currency empty for yuan. -->
          <Amount currency="{(hl:value('currency'), 'CNY')[1]}">{.}</Amount>
        </xsl:for-each>
      </Purchase>
      <xsl:sequence select="hl:element('Category', hl:value('category'))"/>
      <xsl:sequence select="hl:element('Facts', hl:value('facts'))"/>
      <xsl:where-populated>
        <Requests>
          <xsl:for-each select="hl:list('requests')">
            <Request>{fx:code('request', .)}</Request>
          </xsl:for-each>
        </Requests>
      </xsl:where-populated>
      <xsl:sequence select="hl:element('ReceivedAt', hl:date-time(hl:value('received_time')))"/>
      <xsl:sequence select="hl:element('ReceivingAuthority', hl:value('receiving_org'))"/>
    </Complaint>
  </xsl:template>

  <xsl:template name="status">
    <StatusUpdate>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <xsl:sequence select="hl:element('State', fx:code('state', hl:value('state')))"/>
      <xsl:sequence select="hl:element('Reason', hl:value('reason'))"/>
      <xsl:sequence select="hl:element('By', hl:value('handled_by'))"/>
      <xsl:sequence select="hl:element('At', hl:date-time(hl:value('handled_time')))"/>
      <xsl:sequence select="hl:element('Note', hl:value('note'))"/>
    </StatusUpdate>
  </xsl:template>

  <!-- The trimmed value of a column, or nothing when it is empty. from-contract.xsl puts a single quote before a
       value a spreadsheet would run as a formula; exactly that one quote is taken off again. -->
  <xsl:function name="hl:value" as="xs:string?">
    <xsl:param name="column" as="xs:string"/>
    <xsl:variable name="value" select="replace(string($record/field[@name = $column]), '^\s+|\s+$', '')"/>
    <xsl:variable name="live" select="if (matches($value, '^''+[=+\-@&#9;&#13;]')) then substring($value, 2)
                                      else $value"/>
    <xsl:sequence select="$live[. ne '']"/>
  </xsl:function>

  <!-- The non-empty items of a column joined with "|". -->
  <xsl:function name="hl:list" as="xs:string*">
    <xsl:param name="column" as="xs:string"/>
    <xsl:sequence select="tokenize(hl:value($column), '\s*\|\s*')[. ne '']"/>
  </xsl:function>

  <!-- A contract element, or nothing, so that the schema reports a missing field as MISSING_FIELD at its path. -->
  <xsl:function name="hl:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- "2026-11-20 09:30:00" in China time to "2026-11-20T09:30:00+08:00"; anything else is left for the schema to refuse. -->
  <xsl:function name="hl:date-time" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value ! replace(., '^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$', '$1T$2+08:00')"/>
  </xsl:function>

</xsl:stylesheet>
