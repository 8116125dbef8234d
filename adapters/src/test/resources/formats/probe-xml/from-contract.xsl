<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fx="urn:cn:consumer-exchange:functions"
    xmlns:c="urn:cn:consumer-exchange:contract:v1"
    exclude-result-prefixes="#all">
  <xsl:template match="/c:ExchangeMessage">
    <probe id="{c:Envelope/c:MessageId}" action="status" state="{fx:native-code('state', c:StatusUpdate/c:State)}"/>
  </xsl:template>
</xsl:stylesheet>
