<?xml version="1.0" encoding="UTF-8"?>
<!-- Test format: <probe id="…" action="…"/> makes the stylesheet do what the action says. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns="urn:cn:consumer-exchange:contract:v1">

  <xsl:template match="/probe[@action = 'status']">
    <ExchangeMessage>
      <Envelope>
        <MessageId>{@id}</MessageId>
        <MessageType>STATUS_UPDATE</MessageType>
        <Sender>PROBE</Sender>
        <SentAt>2026-11-20T10:00:00+08:00</SentAt>
        <ContractVersion>1.0</ContractVersion>
      </Envelope>
      <StatusUpdate>
        <CaseRef>PROBE-1</CaseRef>
        <State>{fx:code('state', @state)}</State>
        <By>PROBE</By>
        <At>2026-11-20T10:00:00+08:00</At>
      </StatusUpdate>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="/probe[@action = 'complaint']">
    <ExchangeMessage>
      <Envelope>
        <MessageId>{@id}</MessageId>
        <MessageType>COMPLAINT</MessageType>
      </Envelope>
    </ExchangeMessage>
  </xsl:template>

  <xsl:template match="/probe[@action = 'terminate']">
    <xsl:message terminate="yes">The probe asked to stop.</xsl:message>
  </xsl:template>

  <xsl:template match="/probe[@action = 'read-file']">
    <ExchangeMessage>{unparsed-text('file:///etc/hostname')}</ExchangeMessage>
  </xsl:template>

  <xsl:template match="/probe[@action = 'write-file']">
    <xsl:result-document href="file:///tmp/probe-written.xml">
      <written/>
    </xsl:result-document>
  </xsl:template>

  <xsl:template match="/probe[@action = 'missing-table']">
    <ExchangeMessage>{fx:code('no-such-table', 'x')}</ExchangeMessage>
  </xsl:template>

</xsl:stylesheet>
