<?xml version="1.0" encoding="UTF-8"?>
<!-- A test partner whose system speaks the contract itself, so that a test can send any message type and any part. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:copy-of select="."/>
  </xsl:template>
</xsl:stylesheet>
