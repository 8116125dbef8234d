<?xml version="1.0" encoding="UTF-8"?>
<!-- Test-only format whose native messages are the contract itself: the report tests need a sender and a receiver that
     carry REPORT and Complaint/Report before the built-in formats do, with assertions independent of native names. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>
