<?xml version="1.0" encoding="UTF-8"?>
<!--
  hlj-csv → contract v1. Heilongjiang's batch system writes one case per CSV line; the gateway hands this stylesheet
  one line as <record><field name="column">value</field>…</record>. The record_type column says what the line is;
  columns that do not apply to it are empty, and a line written before the later columns were appended has none of
  them. Date-times are "yyyy-MM-dd HH:mm:ss" in China time (+08:00); case references and requests are joined with "|".
  Repeated structures are parallel "|"-joined columns, one entry per repetition, "\|" and "\\" standing for "|" and
  "\" inside an entry (see from-contract.xsl). The currency column is the line's one currency (empty: yuan), or one
  per amount in document order.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:hl="urn:cn:consumer-exchange:formats:hlj-csv"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:variable name="record" select="/record"/>
  <xsl:variable name="currencies" select="hl:list('currency')"/>

  <!-- What Heilongjiang sends; ACK and REJECT lines are written by the gateway only. -->
  <xsl:variable name="readable" as="xs:string+" select="('COMPLAINT', 'REPORT', 'STATUS', 'EVIDENCE', 'INVESTIGATION',
      'MEDIATION', 'RETURN_REQUEST', 'RETURN_DECISION', 'RETURN_SETTLEMENT')"/>

  <xsl:template match="/record">
    <xsl:variable name="type" select="hl:value('record_type')"/>
    <xsl:if test="not($type = $readable)">
      <xsl:message terminate="yes">Column record_type must be one of {string-join($readable, ', ')} on a line sent to the exchange.</xsl:message>
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
        <xsl:if test="exists((hl:value('sign_algorithm'), hl:value('sign_key_id'), hl:value('sign_value')))">
          <Signature>
            <xsl:sequence select="hl:element('Algorithm', hl:value('sign_algorithm'))"/>
            <xsl:sequence select="hl:element('KeyId', hl:value('sign_key_id'))"/>
            <xsl:sequence select="hl:element('Value', hl:value('sign_value'))"/>
          </Signature>
        </xsl:if>
      </Envelope>
      <xsl:choose>
        <xsl:when test="$type = 'COMPLAINT'">
          <xsl:call-template name="complaint"/>
        </xsl:when>
        <xsl:when test="$type = 'REPORT'">
          <xsl:call-template name="report"/>
        </xsl:when>
        <xsl:when test="$type = 'STATUS'">
          <xsl:call-template name="status"/>
        </xsl:when>
        <xsl:when test="$type = 'EVIDENCE'">
          <xsl:call-template name="evidence"/>
        </xsl:when>
        <xsl:when test="$type = 'INVESTIGATION'">
          <xsl:call-template name="investigation"/>
        </xsl:when>
        <xsl:when test="$type = 'MEDIATION'">
          <xsl:call-template name="mediation"/>
        </xsl:when>
        <xsl:when test="$type = 'RETURN_REQUEST'">
          <xsl:call-template name="return-request"/>
        </xsl:when>
        <xsl:when test="$type = 'RETURN_DECISION'">
          <xsl:call-template name="return-decision"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="return-settlement"/>
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
      <xsl:call-template name="respondent"/>
      <Purchase>
        <xsl:sequence select="hl:element('Channel', fx:code('channel', hl:value('channel')))"/>
        <xsl:sequence select="hl:element('Platform', hl:value('purchase_platform'))"/>
        <xsl:sequence select="hl:element('Store', hl:value('store'))"/>
        <xsl:sequence select="hl:element('Date', hl:value('purchase_date'))"/>
        <xsl:sequence select="hl:money('Amount', hl:value('amount'), 1)"/>
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
      <!-- A report made in the same submission; without reporter columns the consumer is the reporter. -->
      <xsl:if test="exists((hl:reporter-values(), hl:value('clues')))">
        <Report>
          <xsl:if test="exists(hl:reporter-values())">
            <xsl:call-template name="reporter"/>
          </xsl:if>
          <xsl:sequence select="hl:element('Clues', hl:value('clues'))"/>
        </Report>
      </xsl:if>
    </Complaint>
  </xsl:template>

  <!-- 举报: the reporter's identity travels only in this message (art. 37). -->
  <xsl:template name="report">
    <Report>
      <xsl:sequence select="hl:element('OriginCaseNumber', hl:value('case_no'))"/>
      <xsl:call-template name="reporter"/>
      <xsl:call-template name="respondent"/>
      <xsl:sequence select="hl:element('Clues', hl:value('clues'))"/>
      <xsl:sequence select="hl:element('ReceivedAt', hl:date-time(hl:value('received_time')))"/>
      <xsl:sequence select="hl:element('ReceivingAuthority', hl:value('receiving_org'))"/>
    </Report>
  </xsl:template>

  <xsl:template name="reporter">
    <Reporter>
      <xsl:sequence select="hl:element('Name', hl:value('reporter_name'))"/>
      <xsl:sequence select="hl:element('Phone', hl:value('reporter_phone'))"/>
      <xsl:sequence select="hl:element('IdNumber', hl:value('reporter_id_no'))"/>
    </Reporter>
  </xsl:template>

  <xsl:template name="respondent">
    <Respondent>
      <xsl:sequence select="hl:element('Name', hl:value('merchant_name'))"/>
      <xsl:sequence select="hl:element('CreditCode', hl:value('merchant_uscc'))"/>
      <xsl:sequence select="hl:element('RegistrationNumber', hl:value('merchant_reg_no'))"/>
      <xsl:sequence select="hl:element('Address', hl:value('merchant_address'))"/>
      <xsl:sequence select="hl:element('DivisionCode', hl:value('merchant_area'))"/>
      <xsl:sequence select="hl:element('Kind', fx:code('merchant-type', hl:value('merchant_type')))"/>
      <xsl:sequence select="hl:element('PlatformName', hl:value('platform_name'))"/>
    </Respondent>
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

  <!-- 维权证据: one entry per file in each evidence_* column; the bytes stay in the evidence store (claim check). -->
  <xsl:template name="evidence">
    <xsl:variable name="kinds" select="hl:items('evidence_kinds')"/>
    <xsl:variable name="types" select="hl:items('evidence_content_types')"/>
    <xsl:variable name="sizes" select="hl:items('evidence_sizes')"/>
    <xsl:variable name="hashes" select="hl:items('evidence_sha256s')"/>
    <xsl:variable name="descriptions" select="hl:items('evidence_descriptions')"/>
    <xsl:variable name="claim-checks" select="hl:items('evidence_claim_checks')"/>
    <xsl:variable name="count" select="hl:entries('evidence item', map {
        'evidence_kinds': $kinds, 'evidence_content_types': $types, 'evidence_sizes': $sizes,
        'evidence_sha256s': $hashes, 'evidence_descriptions': $descriptions,
        'evidence_claim_checks': $claim-checks})"/>
    <Evidence>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <xsl:for-each select="1 to $count">
        <Item>
          <xsl:sequence select="hl:element('Kind', fx:code('evidence-kind', $kinds[current()][. ne '']))"/>
          <xsl:sequence select="hl:element('ContentType', $types[current()])"/>
          <xsl:sequence select="hl:element('Size', $sizes[current()])"/>
          <xsl:sequence select="hl:element('Sha256', $hashes[current()])"/>
          <xsl:sequence select="hl:element('Description', $descriptions[current()])"/>
          <xsl:sequence select="hl:element('ClaimCheck', $claim-checks[current()])"/>
        </Item>
      </xsl:for-each>
    </Evidence>
  </xsl:template>

  <!-- 调查笔录: the investigating authority in handled_by, the persons present as parallel name and role lists. -->
  <xsl:template name="investigation">
    <xsl:variable name="names" select="hl:items('person_names')"/>
    <xsl:variable name="roles" select="hl:items('person_roles')"/>
    <xsl:variable name="count" select="hl:entries('person present', map {
        'person_names': $names, 'person_roles': $roles})"/>
    <InvestigationRecord>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <xsl:sequence select="hl:element('Investigator', hl:value('investigator'))"/>
      <xsl:sequence select="hl:element('Authority', hl:value('handled_by'))"/>
      <xsl:sequence select="hl:element('Date', hl:value('handled_date'))"/>
      <xsl:sequence select="hl:element('Place', hl:value('place'))"/>
      <xsl:for-each select="1 to $count">
        <Person>
          <xsl:sequence select="hl:element('Name', $names[current()])"/>
          <xsl:sequence select="hl:element('Role', $roles[current()])"/>
        </Person>
      </xsl:for-each>
      <xsl:sequence select="hl:element('RecordText', hl:value('record_text'))"/>
    </InvestigationRecord>
  </xsl:template>

  <!-- 调解结果: issued, and signed in the sign_* columns, by the authority in handled_by. -->
  <xsl:template name="mediation">
    <MediationResult>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <xsl:sequence select="hl:element('Outcome', fx:code('mediation-outcome', hl:value('outcome')))"/>
      <xsl:sequence select="hl:element('Terms', hl:value('terms'))"/>
      <xsl:for-each select="hl:items('agreed_amounts')">
        <xsl:sequence select="hl:money('AgreedAmount', ., position())"/>
      </xsl:for-each>
      <xsl:sequence select="hl:element('Mediator', hl:value('mediator'))"/>
      <xsl:sequence select="hl:element('Date', hl:value('handled_date'))"/>
      <xsl:sequence select="hl:element('IssuingAuthority', hl:value('handled_by'))"/>
    </MediationResult>
  </xsl:template>

  <!-- 异地异店退换货: asked for at the return store, decided where the purchase is recorded (the origin store). -->
  <xsl:template name="return-request">
    <xsl:variable name="names" select="hl:items('item_names')"/>
    <xsl:variable name="quantities" select="hl:items('item_quantities')"/>
    <xsl:variable name="prices" select="hl:items('item_unit_prices')"/>
    <xsl:variable name="count" select="hl:entries('purchased item', map {
        'item_names': $names, 'item_quantities': $quantities, 'item_unit_prices': $prices})"/>
    <ReturnRequest>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <Purchase>
        <xsl:sequence select="hl:store('OriginStore', 'origin_store_')"/>
        <xsl:sequence select="hl:element('ReceiptNumber', hl:value('receipt_no'))"/>
        <xsl:sequence select="hl:element('Date', hl:value('purchase_date'))"/>
        <xsl:for-each select="1 to $count">
          <Item>
            <xsl:sequence select="hl:element('Name', $names[current()])"/>
            <xsl:sequence select="hl:element('Quantity', $quantities[current()])"/>
            <xsl:sequence select="hl:money('UnitPrice', $prices[current()], current())"/>
          </Item>
        </xsl:for-each>
        <xsl:sequence select="hl:money('Amount', hl:value('amount'), $count + 1)"/>
      </Purchase>
      <xsl:sequence select="hl:store('ReturnStore', 'return_store_')"/>
      <xsl:sequence select="hl:element('Reason', hl:value('reason'))"/>
      <xsl:sequence select="hl:element('CommitmentId', hl:value('commitment_id'))"/>
      <xsl:sequence select="hl:element('RequestedAt', hl:date-time(hl:value('handled_time')))"/>
      <xsl:if test="hl:value('consumer_name') or hl:value('consumer_phone')">
        <Consumer>
          <xsl:sequence select="hl:element('Name', hl:value('consumer_name'))"/>
          <xsl:sequence select="hl:element('Phone', hl:value('consumer_phone'))"/>
          <xsl:sequence select="hl:element('IdNumber', hl:value('consumer_id_no'))"/>
        </Consumer>
      </xsl:if>
    </ReturnRequest>
  </xsl:template>

  <xsl:template name="return-decision">
    <ReturnDecision>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <xsl:sequence select="hl:element('Decision', fx:code('return-decision', hl:value('decision')))"/>
      <xsl:sequence select="hl:element('Reason', hl:value('reason'))"/>
      <xsl:sequence select="hl:money('RefundAmount', hl:value('refund_amount'), 1)"/>
      <xsl:sequence select="hl:element('DecidedAt', hl:date-time(hl:value('handled_time')))"/>
    </ReturnDecision>
  </xsl:template>

  <!-- The return store refunded in advance (先行垫付); the origin store owes it the amount by due_time. -->
  <xsl:template name="return-settlement">
    <ReturnSettlement>
      <xsl:sequence select="hl:element('CaseRef', hl:value('case_no'))"/>
      <xsl:sequence select="hl:money('RefundAmount', hl:value('refund_amount'), 1)"/>
      <xsl:sequence select="hl:element('RefundedAt', hl:date-time(hl:value('handled_time')))"/>
      <xsl:sequence select="hl:element('DueBy', hl:date-time(hl:value('due_time')))"/>
      <xsl:sequence select="hl:store('Payer', 'origin_store_')"/>
      <xsl:sequence select="hl:store('Payee', 'return_store_')"/>
    </ReturnSettlement>
  </xsl:template>

  <!-- The trimmed value of a column, or nothing when it is empty or the line has no such column. from-contract.xsl
       puts a single quote before a value a spreadsheet would run as a formula; exactly that one quote is taken off
       again. -->
  <xsl:function name="hl:value" as="xs:string?">
    <xsl:param name="column" as="xs:string"/>
    <xsl:variable name="value" select="fx:trim(string($record/field[@name = $column]))"/>
    <xsl:variable name="live" select="if (matches($value, '^''+[=+\-@&#9;&#13;]')) then substring($value, 2)
                                      else $value"/>
    <xsl:sequence select="$live[. ne '']"/>
  </xsl:function>

  <!-- The entries of a "|"-joined column, each trimmed, empty ones kept so that parallel columns stay aligned;
       nothing for an empty cell. "\|" and "\\" inside an entry stand for "|" and "\". -->
  <xsl:function name="hl:items" as="xs:string*">
    <xsl:param name="column" as="xs:string"/>
    <xsl:variable name="value" select="hl:value($column)"/>
    <xsl:choose>
      <xsl:when test="empty($value)"/>
      <!-- Most cells hold no escape and are simply split. -->
      <xsl:when test="not(contains($value, '\'))">
        <xsl:sequence select="tokenize($value, '\|') ! hl:trim(.)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" select="analyze-string($value, '\\[\\|]|\|')/*"/>
        <xsl:for-each-group select="$parts" group-ending-with="fn:match[. eq '|']">
          <xsl:sequence select="hl:trim(string-join(current-group()[not(self::fn:match and . eq '|')]
                                ! (if (self::fn:match) then substring(., 2) else string(.))))"/>
        </xsl:for-each-group>
        <!-- A separator at the end is followed by an empty entry. -->
        <xsl:if test="$parts[last()][self::fn:match and . eq '|']">
          <xsl:sequence select="''"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The non-empty entries of a "|"-joined column. -->
  <xsl:function name="hl:list" as="xs:string*">
    <xsl:param name="column" as="xs:string"/>
    <xsl:sequence select="hl:items($column)[. ne '']"/>
  </xsl:function>

  <!-- How many repetitions parallel columns describe. Each column lists one entry per repetition or, when it has no
       value for any, none; any other count would pair values of different repetitions, so the line is refused. -->
  <xsl:function name="hl:entries" as="xs:integer">
    <xsl:param name="repetition" as="xs:string"/>
    <xsl:param name="columns" as="map(xs:string, xs:string*)"/>
    <xsl:variable name="count" select="max((0, map:keys($columns) ! count($columns(.))))"/>
    <xsl:variable name="misaligned" select="sort(map:keys($columns)[not(count($columns(.)) = (0, $count))])"/>
    <xsl:if test="exists($misaligned)">
      <xsl:message terminate="yes">Columns {string-join(sort(map:keys($columns)), ', ')} list one entry per {$repetition}, separated by "|": {$misaligned[1]} lists {count($columns($misaligned[1]))} where another lists {$count}.</xsl:message>
    </xsl:if>
    <xsl:sequence select="$count"/>
  </xsl:function>

  <xsl:function name="hl:trim" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="fx:trim($text)"/>
  </xsl:function>

  <!-- A contract element, or nothing, so that the schema reports a missing field as MISSING_FIELD at its path. -->
  <xsl:function name="hl:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$value}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- An amount with its currency: the line's one currency, or the one at the amount's position in document order;
       yuan when the currency column is empty. -->
  <xsl:function name="hl:money" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="position" as="xs:integer"/>
    <xsl:if test="$value">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
        <xsl:attribute name="currency" select="if (empty($currencies)) then 'CNY'
            else if (count($currencies) eq 1) then $currencies else string($currencies[$position])"/>
        <xsl:value-of select="$value"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- A chain store from the three columns starting with the prefix. -->
  <xsl:function name="hl:store" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
      <xsl:sequence select="hl:element('Name', hl:value($prefix || 'name'))"/>
      <xsl:sequence select="hl:element('StoreCode', hl:value($prefix || 'code'))"/>
      <xsl:sequence select="hl:element('DivisionCode', hl:value($prefix || 'area'))"/>
    </xsl:element>
  </xsl:function>

  <!-- The reporter's columns that hold a value. -->
  <xsl:function name="hl:reporter-values" as="xs:string*">
    <xsl:sequence select="hl:value('reporter_name'), hl:value('reporter_phone'), hl:value('reporter_id_no')"/>
  </xsl:function>

  <!-- "2026-11-20 09:30:00" in China time to "2026-11-20T09:30:00+08:00"; anything else is left for the schema to refuse. -->
  <xsl:function name="hl:date-time" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value ! replace(., '^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$', '$1T$2+08:00')"/>
  </xsl:function>

</xsl:stylesheet>
