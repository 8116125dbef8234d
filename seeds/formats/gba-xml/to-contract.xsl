<?xml version="1.0" encoding="UTF-8"?>
<!--
  gba-xml → contract v1. The Guangdong Bay Area cities' complaint systems send <gba-message type="…"> with a
  <header> and one body named like the type. People's details, purchase facts and the attributes of a case (its
  reference, state, outcome, times) are XML attributes; texts are elements. Codes are the contract's own names,
  read without regard to case as the cities have always sent them; demands are a space-separated list. Dates are
  ISO 8601: yyyy-MM-dd, and times with their offset, whose zero seconds some systems leave out.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:gba="urn:cn:consumer-exchange:formats:gba-xml"
    xmlns="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8"/>

  <!-- The types a city sends; the gateway's receipts are never read back. -->
  <xsl:variable name="readable" as="xs:string+" select="('complaint', 'evidence', 'investigation', 'mediation',
      'status', 'report', 'return-request', 'return-decision', 'return-settlement')"/>

  <xsl:template match="/gba-message[header]">
    <xsl:variable name="type" select="normalize-space(@type)"/>
    <xsl:if test="not($type = $readable)">
      <xsl:message terminate="yes">The gba-xml format carries {string-join($readable, ', ')} messages to the gateway (/gba-message/@type).</xsl:message>
    </xsl:if>
    <xsl:variable name="body" select="*[local-name() = $type]"/>
    <xsl:if test="not($body)">
      <xsl:message terminate="yes">A {$type} message needs a &lt;{$type}&gt; element (/gba-message/{$type}).</xsl:message>
    </xsl:if>
    <ExchangeMessage>
      <xsl:apply-templates select="header">
        <xsl:with-param name="type" select="$type"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$body"/>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected &lt;gba-message&gt; with a &lt;header&gt;.</xsl:message>
  </xsl:template>

  <xsl:template match="header">
    <xsl:param name="type" as="xs:string"/>
    <Envelope>
      <xsl:sequence select="gba:element('MessageId', msg-id)"/>
      <MessageType>{fx:code('message-type', $type)}</MessageType>
      <xsl:sequence select="gba:element('Sender', from)"/>
      <xsl:sequence select="gba:element('Receiver', to)"/>
      <xsl:for-each select="ref">
        <xsl:sequence select="gba:element('CaseRef', .)"/>
      </xsl:for-each>
      <xsl:sequence select="gba:element('SentAt', gba:timestamp(sent-time))"/>
      <ContractVersion>1.0</ContractVersion>
      <!-- An issuer's seal over a record others recognise (mediation results above all). -->
      <xsl:for-each select="signature">
        <Signature>
          <xsl:sequence select="gba:element('Algorithm', @algorithm)"/>
          <xsl:sequence select="gba:element('KeyId', @key-id)"/>
          <xsl:sequence select="gba:element('Value', .)"/>
        </Signature>
      </xsl:for-each>
    </Envelope>
  </xsl:template>

  <xsl:template match="complaint">
    <Complaint>
      <xsl:sequence select="gba:element('OriginCaseNumber', case-no)"/>
      <xsl:for-each select="consumer">
        <Complainant>
          <xsl:call-template name="person-contact"/>
        </Complainant>
      </xsl:for-each>
      <xsl:apply-templates select="business"/>
      <xsl:for-each select="purchase">
        <Purchase>
          <xsl:sequence select="gba:element('Channel', upper-case(@channel))"/>
          <xsl:sequence select="gba:element('Platform', @platform)"/>
          <xsl:sequence select="gba:element('Store', @store)"/>
          <xsl:sequence select="gba:element('Date', @date)"/>
          <xsl:sequence select="gba:money('Amount', amount)"/>
        </Purchase>
      </xsl:for-each>
      <xsl:sequence select="gba:element('Category', category)"/>
      <xsl:sequence select="gba:element('Facts', facts)"/>
      <xsl:where-populated>
        <Requests>
          <xsl:for-each select="tokenize(string(demands))">
            <Request>{upper-case(.)}</Request>
          </xsl:for-each>
        </Requests>
      </xsl:where-populated>
      <xsl:sequence select="gba:element('ReceivedAt', gba:timestamp(received-time))"/>
      <xsl:sequence select="gba:element('ReceivingAuthority', receiving-authority)"/>
      <!-- A report (举报) lodged with the complaint: the gateway makes it a case of its own (art. 9). -->
      <xsl:for-each select="report">
        <Report>
          <xsl:apply-templates select="reporter"/>
          <xsl:sequence select="gba:element('Clues', clues)"/>
        </Report>
      </xsl:for-each>
    </Complaint>
  </xsl:template>

  <xsl:template match="report">
    <Report>
      <xsl:sequence select="gba:element('OriginCaseNumber', case-no)"/>
      <xsl:apply-templates select="reporter"/>
      <xsl:apply-templates select="business"/>
      <xsl:sequence select="gba:element('Clues', clues)"/>
      <xsl:sequence select="gba:element('ReceivedAt', gba:timestamp(received-time))"/>
      <xsl:sequence select="gba:element('ReceivingAuthority', receiving-authority)"/>
    </Report>
  </xsl:template>

  <xsl:template match="reporter">
    <Reporter>
      <xsl:call-template name="person-contact"/>
    </Reporter>
  </xsl:template>

  <xsl:template name="person-contact">
    <xsl:sequence select="gba:element('Name', @name)"/>
    <xsl:sequence select="gba:element('Phone', @mobile)"/>
    <xsl:sequence select="gba:element('IdNumber', @id-card)"/>
  </xsl:template>

  <xsl:template match="business">
    <Respondent>
      <xsl:sequence select="gba:element('Name', name)"/>
      <xsl:sequence select="gba:element('CreditCode', uscc)"/>
      <xsl:sequence select="gba:element('RegistrationNumber', br-no)"/>
      <xsl:sequence select="gba:element('Address', address)"/>
      <xsl:sequence select="gba:element('DivisionCode', area-code)"/>
      <xsl:sequence select="gba:element('Kind', upper-case(kind))"/>
      <xsl:sequence select="gba:element('PlatformName', platform)"/>
      <xsl:sequence select="gba:element('DomicileDivisionCode', domicile-area-code)"/>
      <xsl:sequence select="gba:element('PlatformDivisionCode', platform-area-code)"/>
    </Respondent>
  </xsl:template>

  <xsl:template match="status">
    <StatusUpdate>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:sequence select="gba:element('State', upper-case(@state))"/>
      <xsl:sequence select="gba:element('Reason', reason)"/>
      <xsl:sequence select="gba:element('By', @by)"/>
      <xsl:sequence select="gba:element('At', gba:timestamp(@time))"/>
      <xsl:sequence select="gba:element('Note', note)"/>
    </StatusUpdate>
  </xsl:template>

  <xsl:template match="evidence">
    <Evidence>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:for-each select="item">
        <Item>
          <xsl:sequence select="gba:element('Kind', upper-case(@kind))"/>
          <xsl:sequence select="gba:element('ContentType', @content-type)"/>
          <xsl:sequence select="gba:element('Size', @size)"/>
          <xsl:sequence select="gba:element('Sha256', @sha256)"/>
          <xsl:sequence select="gba:element('Description', description)"/>
          <xsl:sequence select="gba:element('ClaimCheck', claim-check)"/>
        </Item>
      </xsl:for-each>
    </Evidence>
  </xsl:template>

  <xsl:template match="investigation">
    <InvestigationRecord>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:sequence select="gba:element('Investigator', @investigator)"/>
      <xsl:sequence select="gba:element('Authority', @authority)"/>
      <xsl:sequence select="gba:element('Date', @date)"/>
      <xsl:sequence select="gba:element('Place', place)"/>
      <xsl:for-each select="person">
        <Person>
          <xsl:sequence select="gba:element('Name', @name)"/>
          <xsl:sequence select="gba:element('Role', @role)"/>
        </Person>
      </xsl:for-each>
      <xsl:sequence select="gba:element('RecordText', record-text)"/>
    </InvestigationRecord>
  </xsl:template>

  <xsl:template match="mediation">
    <MediationResult>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:sequence select="gba:element('Outcome', upper-case(@outcome))"/>
      <xsl:sequence select="gba:element('Terms', terms)"/>
      <xsl:for-each select="agreed-amount">
        <xsl:sequence select="gba:money('AgreedAmount', .)"/>
      </xsl:for-each>
      <xsl:sequence select="gba:element('Mediator', @mediator)"/>
      <xsl:sequence select="gba:element('Date', @date)"/>
      <xsl:sequence select="gba:element('IssuingAuthority', @authority)"/>
    </MediationResult>
  </xsl:template>

  <xsl:template match="return-request">
    <ReturnRequest>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:for-each select="purchase">
        <Purchase>
          <xsl:sequence select="gba:store('OriginStore', origin-store)"/>
          <xsl:sequence select="gba:element('ReceiptNumber', @receipt-no)"/>
          <xsl:sequence select="gba:element('Date', @date)"/>
          <xsl:for-each select="item">
            <Item>
              <xsl:sequence select="gba:element('Name', @name)"/>
              <xsl:sequence select="gba:element('Quantity', @quantity)"/>
              <xsl:sequence select="gba:money('UnitPrice', unit-price)"/>
            </Item>
          </xsl:for-each>
          <xsl:sequence select="gba:money('Amount', amount)"/>
        </Purchase>
      </xsl:for-each>
      <xsl:sequence select="gba:store('ReturnStore', return-store)"/>
      <xsl:sequence select="gba:element('Reason', reason)"/>
      <xsl:sequence select="gba:element('CommitmentId', @commitment)"/>
      <xsl:sequence select="gba:element('RequestedAt', gba:timestamp(requested-time))"/>
      <xsl:for-each select="consumer">
        <Consumer>
          <xsl:call-template name="person-contact"/>
        </Consumer>
      </xsl:for-each>
    </ReturnRequest>
  </xsl:template>

  <xsl:template match="return-decision">
    <ReturnDecision>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:sequence select="gba:element('Decision', upper-case(@decision))"/>
      <xsl:sequence select="gba:element('Reason', reason)"/>
      <xsl:sequence select="gba:money('RefundAmount', refund-amount)"/>
      <xsl:sequence select="gba:element('DecidedAt', gba:timestamp(@time))"/>
    </ReturnDecision>
  </xsl:template>

  <xsl:template match="return-settlement">
    <ReturnSettlement>
      <xsl:sequence select="gba:element('CaseRef', @case)"/>
      <xsl:sequence select="gba:money('RefundAmount', refund-amount)"/>
      <xsl:sequence select="gba:element('RefundedAt', gba:timestamp(@refunded-time))"/>
      <xsl:sequence select="gba:element('DueBy', gba:timestamp(@due-time))"/>
      <xsl:sequence select="gba:store('Payer', payer)"/>
      <xsl:sequence select="gba:store('Payee', payee)"/>
    </ReturnSettlement>
  </xsl:template>

  <!-- A contract element holding the trimmed value, or nothing when the value is absent or blank, so that the
       contract's schema reports a missing field as MISSING_FIELD at its own path. -->
  <xsl:function name="gba:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="trimmed" select="fx:trim(string($value))"/>
    <xsl:if test="$trimmed">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">{$trimmed}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- A time as the cities write it, with its offset; some systems leave out zero seconds (10:15+08:00), which the
       contract spells out. Anything else is passed on for the schema to refuse. -->
  <xsl:function name="gba:timestamp" as="xs:string?">
    <xsl:param name="time" as="xs:string?"/>
    <xsl:sequence select="$time ! replace(normalize-space(.),
        '^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+\-]\d{2}:\d{2})$', '$1:00$2')"/>
  </xsl:function>

  <!-- <amount currency="CNY">1299.00</amount> as a contract Money; the schema judges the amount and currency. -->
  <xsl:function name="gba:money" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="amount" as="element()?"/>
    <xsl:for-each select="$amount">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
        <xsl:for-each select="@currency">
          <xsl:attribute name="currency" select="normalize-space(.)"/>
        </xsl:for-each>
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:element>
    </xsl:for-each>
  </xsl:function>

  <!-- A chain's store, <origin-store name="…" code="…" area-code="…"/>, as a contract ChainStore. -->
  <xsl:function name="gba:store" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="store" as="element()?"/>
    <xsl:for-each select="$store">
      <xsl:element name="{$name}" namespace="urn:cn:consumer-exchange:contract:v1">
        <xsl:sequence select="gba:element('Name', @name)"/>
        <xsl:sequence select="gba:element('StoreCode', @code)"/>
        <xsl:sequence select="gba:element('DivisionCode', @area-code)"/>
      </xsl:element>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
