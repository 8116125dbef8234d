<?xml version="1.0" encoding="UTF-8"?>
<!-- Contract v1 → Shantou's case messages. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xpath-default-namespace="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/ExchangeMessage">
    <case-message type="{if (Complaint) then 'complaint' else if (StatusUpdate) then 'status'
                         else if (Acknowledgement) then 'ack' else 'reject'}">
      <id>{Envelope/MessageId}</id>
      <from>{Envelope/Sender}</from>
      <to>{Envelope/Receiver}</to>
      <sent>{Envelope/SentAt}</sent>
      <refs><xsl:for-each select="Envelope/CaseRef"><ref>{.}</ref></xsl:for-each></refs>
      <xsl:apply-templates select="Complaint | StatusUpdate | Acknowledgement | Rejection"/>
    </case-message>
  </xsl:template>

  <xsl:template match="Complaint">
    <complaint>
      <case-no>{OriginCaseNumber}</case-no>
      <consumer><name>{Complainant/Name}</name><phone>{Complainant/Phone}</phone><id-no>{Complainant/IdNumber}</id-no></consumer>
      <business>
        <name>{Respondent/Name}</name><uscc>{Respondent/CreditCode}</uscc><reg-no>{Respondent/RegistrationNumber}</reg-no>
        <address>{Respondent/Address}</address><area>{Respondent/DivisionCode}</area><kind>{Respondent/Kind}</kind>
      </business>
      <purchase channel="{Purchase/Channel}" date="{Purchase/Date}" currency="{Purchase/Amount/@currency}"
                amount="{Purchase/Amount}">
        <xsl:for-each select="Purchase/Platform"><xsl:attribute name="platform" select="."/></xsl:for-each>
        <xsl:for-each select="Purchase/Store"><xsl:attribute name="store" select="."/></xsl:for-each>
      </purchase>
      <category>{Category}</category>
      <facts>{Facts}</facts>
      <requests>{string-join(Requests/Request, ' ')}</requests>
      <received>{ReceivedAt}</received>
      <receiving-org>{ReceivingAuthority}</receiving-org>
    </complaint>
  </xsl:template>

  <xsl:template match="StatusUpdate">
    <status case="{CaseRef}" state="{State}" by="{By}" at="{At}">
      <reason>{Reason}</reason>
      <note>{Note}</note>
    </status>
  </xsl:template>

  <xsl:template match="Acknowledgement">
    <ack for="{AnswersMessageId}" gateway-ref="{GatewayReference}" at="{AcceptedAt}"/>
  </xsl:template>

  <xsl:template match="Rejection">
    <reject for="{AnswersMessageId}" at="{RejectedAt}">
      <xsl:for-each select="Error"><error code="{Code}" path="{Path}">{Reason}</error></xsl:for-each>
    </reject>
  </xsl:template>
</xsl:stylesheet>
