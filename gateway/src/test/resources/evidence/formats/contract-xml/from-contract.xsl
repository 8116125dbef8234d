<?xml version="1.0" encoding="UTF-8"?>
<!-- A test partner that speaks the contract itself, evidence manifests included (no built-in format carries them). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:copy-of select="."/>
  </xsl:template>
</xsl:stylesheet>
