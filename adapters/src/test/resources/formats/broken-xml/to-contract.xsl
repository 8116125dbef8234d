<?xml version="1.0" encoding="UTF-8"?>
<!-- Deliberately broken: line 8 calls a function that does not exist. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:cn:consumer-exchange:contract:v1">

  <xsl:template match="/">
    <ExchangeMessage>
      <xsl:value-of select="no-such-function(.)"/>
    </ExchangeMessage>
  </xsl:template>

</xsl:stylesheet>
