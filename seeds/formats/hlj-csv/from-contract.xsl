<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract v1 → hlj-csv: one CSV line (no header; the batch file carries it once) in the column order of
  format.json. Fields holding a comma, a quote or a line break are quoted, quotes doubled; a field a spreadsheet would
  run as a formula starts with a single quote (see hl:field). Acknowledgements and
  rejections are lines with record_type ACK or REJECT; a rejection's errors go into error_codes, error_paths and
  error_reasons, each joined with "|" in the same order ("|" inside a reason becomes "｜").

  Repeated structures (evidence items, persons at an investigation, purchased items, agreed amounts) are parallel
  columns: the n-th entry of each "|"-joined column belongs to the n-th repetition, an absent optional value being
  an empty entry. Inside an entry "\" is written "\\" and "|" is written "\|" (see hl:join), so every text comes back
  exactly. The currency column holds the line's one currency, or one per amount in document order when they differ.
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
      'answers_msg_id', 'gateway_ref', 'error_codes', 'error_paths', 'error_reasons',
      'sign_algorithm', 'sign_key_id', 'sign_value',
      'reporter_name', 'reporter_phone', 'reporter_id_no', 'clues',
      'evidence_kinds', 'evidence_content_types', 'evidence_sizes', 'evidence_sha256s',
      'evidence_descriptions', 'evidence_claim_checks',
      'investigator', 'handled_date', 'place', 'person_names', 'person_roles', 'record_text',
      'outcome', 'terms', 'agreed_amounts', 'mediator',
      'origin_store_name', 'origin_store_code', 'origin_store_area', 'receipt_no',
      'item_names', 'item_quantities', 'item_unit_prices',
      'return_store_name', 'return_store_code', 'return_store_area', 'commitment_id',
      'decision', 'refund_amount', 'due_time')"/>

  <xsl:template match="/c:ExchangeMessage">
    <xsl:variable name="body" select="* except c:Envelope"/>
    <xsl:variable name="values" as="map(xs:string, xs:string?)">
      <xsl:map>
        <xsl:apply-templates select="c:Envelope | $body"/>
        <xsl:map-entry key="'currency'" select="hl:currencies($body//@currency)"/>
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
    <xsl:map-entry key="'case_refs'" select="hl:join(c:CaseRef)"/>
    <xsl:map-entry key="'sent_time'" select="hl:date-time(c:SentAt)"/>
    <!-- A mediation result is signed by its issuer so that other regions can recognise it (互认). -->
    <xsl:map-entry key="'sign_algorithm'" select="c:Signature/c:Algorithm ! string()"/>
    <xsl:map-entry key="'sign_key_id'" select="c:Signature/c:KeyId ! string()"/>
    <xsl:map-entry key="'sign_value'" select="c:Signature/c:Value ! string()"/>
  </xsl:template>

  <xsl:template match="c:Complaint">
    <xsl:map-entry key="'case_no'" select="string(c:OriginCaseNumber)"/>
    <xsl:map-entry key="'consumer_name'" select="string(c:Complainant/c:Name)"/>
    <xsl:map-entry key="'consumer_phone'" select="string(c:Complainant/c:Phone)"/>
    <xsl:map-entry key="'consumer_id_no'" select="c:Complainant/c:IdNumber ! string()"/>
    <xsl:call-template name="respondent"/>
    <xsl:map-entry key="'channel'" select="fx:native-code('channel', c:Purchase/c:Channel)"/>
    <xsl:map-entry key="'purchase_platform'" select="c:Purchase/c:Platform ! string()"/>
    <xsl:map-entry key="'store'" select="c:Purchase/c:Store ! string()"/>
    <xsl:map-entry key="'purchase_date'" select="string(c:Purchase/c:Date)"/>
    <xsl:map-entry key="'amount'" select="string(c:Purchase/c:Amount)"/>
    <xsl:map-entry key="'category'" select="string(c:Category)"/>
    <xsl:map-entry key="'facts'" select="string(c:Facts)"/>
    <xsl:map-entry key="'requests'" select="string-join(c:Requests/c:Request ! fx:native-code('request', .), '|')"/>
    <xsl:map-entry key="'received_time'" select="hl:date-time(c:ReceivedAt)"/>
    <xsl:map-entry key="'receiving_org'" select="c:ReceivingAuthority ! string()"/>
    <!-- A report made in the same submission (举报, a case of its own); without a reporter the consumer reports. -->
    <xsl:apply-templates select="c:Report/c:Reporter"/>
    <xsl:map-entry key="'clues'" select="c:Report/c:Clues ! string()"/>
  </xsl:template>

  <xsl:template match="c:ExchangeMessage/c:Report">
    <xsl:map-entry key="'case_no'" select="string(c:OriginCaseNumber)"/>
    <xsl:apply-templates select="c:Reporter"/>
    <xsl:call-template name="respondent"/>
    <xsl:map-entry key="'clues'" select="string(c:Clues)"/>
    <xsl:map-entry key="'received_time'" select="hl:date-time(c:ReceivedAt)"/>
    <xsl:map-entry key="'receiving_org'" select="c:ReceivingAuthority ! string()"/>
  </xsl:template>

  <!-- The business complained about or reported, of the complaint or report in context. -->
  <xsl:template name="respondent">
    <xsl:map-entry key="'merchant_name'" select="string(c:Respondent/c:Name)"/>
    <xsl:map-entry key="'merchant_uscc'" select="c:Respondent/c:CreditCode ! string()"/>
    <xsl:map-entry key="'merchant_reg_no'" select="c:Respondent/c:RegistrationNumber ! string()"/>
    <xsl:map-entry key="'merchant_address'" select="string(c:Respondent/c:Address)"/>
    <xsl:map-entry key="'merchant_area'" select="string(c:Respondent/c:DivisionCode)"/>
    <xsl:map-entry key="'merchant_type'" select="fx:native-code('merchant-type', c:Respondent/c:Kind)"/>
    <xsl:map-entry key="'platform_name'" select="c:Respondent/c:PlatformName ! string()"/>
  </xsl:template>

  <xsl:template match="c:Reporter">
    <xsl:map-entry key="'reporter_name'" select="string(c:Name)"/>
    <xsl:map-entry key="'reporter_phone'" select="string(c:Phone)"/>
    <xsl:map-entry key="'reporter_id_no'" select="c:IdNumber ! string()"/>
  </xsl:template>

  <xsl:template match="c:StatusUpdate">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'state'" select="fx:native-code('state', c:State)"/>
    <xsl:map-entry key="'reason'" select="c:Reason ! string()"/>
    <xsl:map-entry key="'handled_by'" select="string(c:By)"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:At)"/>
    <xsl:map-entry key="'note'" select="c:Note ! string()"/>
  </xsl:template>

  <xsl:template match="c:Evidence">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'evidence_kinds'" select="hl:join(c:Item/c:Kind ! fx:native-code('evidence-kind', .))"/>
    <xsl:map-entry key="'evidence_content_types'" select="hl:join(c:Item/c:ContentType)"/>
    <xsl:map-entry key="'evidence_sizes'" select="hl:join(c:Item/c:Size)"/>
    <xsl:map-entry key="'evidence_sha256s'" select="hl:join(c:Item/c:Sha256)"/>
    <xsl:map-entry key="'evidence_descriptions'" select="hl:join(c:Item ! string(c:Description))"/>
    <xsl:map-entry key="'evidence_claim_checks'" select="hl:join(c:Item/c:ClaimCheck)"/>
  </xsl:template>

  <xsl:template match="c:InvestigationRecord">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'investigator'" select="string(c:Investigator)"/>
    <xsl:map-entry key="'handled_by'" select="string(c:Authority)"/>
    <xsl:map-entry key="'handled_date'" select="string(c:Date)"/>
    <xsl:map-entry key="'place'" select="string(c:Place)"/>
    <xsl:map-entry key="'person_names'" select="hl:join(c:Person/c:Name)"/>
    <xsl:map-entry key="'person_roles'" select="hl:join(c:Person/c:Role)"/>
    <xsl:map-entry key="'record_text'" select="string(c:RecordText)"/>
  </xsl:template>

  <xsl:template match="c:MediationResult">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'outcome'" select="fx:native-code('mediation-outcome', c:Outcome)"/>
    <xsl:map-entry key="'terms'" select="c:Terms ! string()"/>
    <xsl:map-entry key="'agreed_amounts'" select="hl:join(c:AgreedAmount)"/>
    <xsl:map-entry key="'mediator'" select="string(c:Mediator)"/>
    <xsl:map-entry key="'handled_date'" select="string(c:Date)"/>
    <xsl:map-entry key="'handled_by'" select="string(c:IssuingAuthority)"/>
  </xsl:template>

  <xsl:template match="c:ReturnRequest">
    <xsl:map-entry key="'case_no'" select="c:CaseRef ! string()"/>
    <xsl:apply-templates select="c:Purchase/c:OriginStore | c:ReturnStore"/>
    <xsl:map-entry key="'receipt_no'" select="string(c:Purchase/c:ReceiptNumber)"/>
    <xsl:map-entry key="'purchase_date'" select="string(c:Purchase/c:Date)"/>
    <xsl:map-entry key="'item_names'" select="hl:join(c:Purchase/c:Item/c:Name)"/>
    <xsl:map-entry key="'item_quantities'" select="hl:join(c:Purchase/c:Item/c:Quantity)"/>
    <xsl:map-entry key="'item_unit_prices'" select="hl:join(c:Purchase/c:Item/c:UnitPrice)"/>
    <xsl:map-entry key="'amount'" select="string(c:Purchase/c:Amount)"/>
    <xsl:map-entry key="'reason'" select="string(c:Reason)"/>
    <xsl:map-entry key="'commitment_id'" select="c:CommitmentId ! string()"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:RequestedAt)"/>
    <xsl:map-entry key="'consumer_name'" select="c:Consumer/c:Name ! string()"/>
    <xsl:map-entry key="'consumer_phone'" select="c:Consumer/c:Phone ! string()"/>
    <xsl:map-entry key="'consumer_id_no'" select="c:Consumer/c:IdNumber ! string()"/>
  </xsl:template>

  <xsl:template match="c:ReturnDecision">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'decision'" select="fx:native-code('return-decision', c:Decision)"/>
    <xsl:map-entry key="'reason'" select="c:Reason ! string()"/>
    <xsl:map-entry key="'refund_amount'" select="c:RefundAmount ! string()"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:DecidedAt)"/>
  </xsl:template>

  <!-- The origin store pays back what the return store refunded in advance (先行垫付). -->
  <xsl:template match="c:ReturnSettlement">
    <xsl:map-entry key="'case_no'" select="string(c:CaseRef)"/>
    <xsl:map-entry key="'refund_amount'" select="string(c:RefundAmount)"/>
    <xsl:map-entry key="'handled_time'" select="hl:date-time(c:RefundedAt)"/>
    <xsl:map-entry key="'due_time'" select="hl:date-time(c:DueBy)"/>
    <xsl:apply-templates select="c:Payer | c:Payee"/>
  </xsl:template>

  <!-- A chain store: the store where the goods were bought (who pays back) or where they were returned (who is
       paid). -->
  <xsl:template match="c:OriginStore | c:ReturnStore | c:Payer | c:Payee">
    <xsl:variable name="prefix" select="if (self::c:OriginStore or self::c:Payer) then 'origin_store_'
                                        else 'return_store_'"/>
    <xsl:map-entry key="$prefix || 'name'" select="string(c:Name)"/>
    <xsl:map-entry key="$prefix || 'code'" select="string(c:StoreCode)"/>
    <xsl:map-entry key="$prefix || 'area'" select="string(c:DivisionCode)"/>
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

  <!-- Entries of a "|"-joined column, "\" and "|" inside an entry escaped with "\"; an empty cell when every entry
       is empty (e.g. no evidence item has a description). -->
  <xsl:function name="hl:join" as="xs:string">
    <xsl:param name="entries" as="xs:string*"/>
    <xsl:sequence select="if (every $entry in $entries satisfies $entry eq '') then ''
                          else string-join($entries ! replace(., '[\\|]', '\\$0'), '|')"/>
  </xsl:function>

  <!-- The line's currency; one per amount, in document order, only when a message mixes currencies. -->
  <xsl:function name="hl:currencies" as="xs:string?">
    <xsl:param name="currencies" as="attribute()*"/>
    <xsl:sequence select="if (count(distinct-values($currencies)) le 1) then distinct-values($currencies)
                          else string-join($currencies, '|')"/>
  </xsl:function>

  <!-- An instant as China time, "yyyy-MM-dd HH:mm:ss". -->
  <xsl:function name="hl:date-time" as="xs:string">
    <xsl:param name="instant" as="xs:string"/>
    <xsl:sequence select="format-dateTime(adjust-dateTime-to-timezone(xs:dateTime($instant),
                          xs:dayTimeDuration('PT8H')), '[Y0001]-[M01]-[D01] [H01]:[m01]:[s01]')"/>
  </xsl:function>

</xsl:stylesheet>
