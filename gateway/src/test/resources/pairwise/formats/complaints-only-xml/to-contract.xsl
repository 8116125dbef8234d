<?xml version="1.0" encoding="UTF-8"?>
<!-- A system that speaks the contract's own XML but takes only complaints and status updates: the built-in formats
     carry every type, so FormatPairsTest needs this one to see a type a receiver cannot take refused at intake. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:copy-of select="."/>
  </xsl:template>
</xsl:stylesheet>
