package cn.consumerexchange.adapter.xslt;

/** What a declarative format's native messages are written in; decides how a stylesheet sees them. */
enum NativeKind {

    /** Read by the contract's hardened parser, then handed to the stylesheet as a document. */
    XML,
    /** Turned into XML by {@code fn:json-to-xml}: elements {@code map}, {@code string}, … in the fn namespace. */
    JSON,
    /** One record, handed over as {@code <record><field name="column">value</field>…</record>}. */
    CSV
}
