/**
 * Declarative partner formats (声明式格式): a format is a directory of files, {@code format.json}, two XSLT 3.0
 * stylesheets and code tables, run by Saxon-HE. {@link cn.consumerexchange.adapter.xslt.XsltFormatLoader} reads a
 * directory into an {@link cn.consumerexchange.adapter.xslt.XsltAdapter}. How to write a format:
 * {@code seeds/formats/README.md}.
 */
package cn.consumerexchange.adapter.xslt;
