package cn.consumerexchange.gateway.transport;

import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;
import static cn.consumerexchange.gateway.Endpoints.SIGNATURE_HEADER;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * Partners that exchange batch files (批量文件). A CSV file dropped into the partner's inbound directory holds many
 * cases, one per line after the header; every line goes through the intake on its own, with its bytes as written, so a
 * bad line is rejected without sinking the file. A result file in the replies directory says, line by line, what was
 * accepted (with the gateway's reference) and what was rejected and why; see {@link BatchAnswer} for its name. Every
 * file is answered: an empty or header-only one with a line saying it held no cases, one over
 * {@code exchange.max-batch-file-bytes} with {@code DOCUMENT_TOO_LARGE}, unread. The file then moves to {@code .done/}
 * ({@code .rejected/} when too large). A file's cases may be signed: see {@link BatchSignatures} for the signature
 * file {@code <file>.jws}, which moves beside the file when it is answered.
 *
 * <p>If the gateway stops half-way through a file, the file is read again on restart; the lines already received are
 * recognised by the ledger and answered as before, so nothing is applied twice. A technical failure (the ledger down)
 * stops the file, which stays where it is and is read again at the next poll, until it can be answered.
 */
@Component
class BatchFileRoutes extends RouteBuilder {

    private final PartnerRegistry partners;

    BatchFileRoutes(PartnerRegistry partners) {
        this.partners = partners;
    }

    @Override
    public void configure() {
        for (Partner partner : partners.all()) {
            if (partner.transport() != Transport.FILE) {
                continue;
            }
            // readLockMinLength=0: an empty file is answered too, rather than waited on forever. No moveFailed: a
            // file that failed for a technical reason stays to be read again; the poll delay paces the attempts.
            from("file:" + partner.inbound() + "?include=.*\\.csv&readLock=changed&readLockMinAge=500"
                    + "&readLockMinLength=0&delay=2000&move=${exchangeProperty." + BatchFiles.ANSWER + ".movedName}")
                    .routeId("batch-" + partner.code())
                    .setHeader(PARTNER_HEADER, constant(partner.code()))
                    .setProperty(BatchFiles.FILE, header(Exchange.FILE_PATH))
                    .setProperty(BatchFiles.ANSWER, method(BatchFiles.class, "receive")).id("receive-" + partner.code())
                    .split(simple("${exchangeProperty." + BatchFiles.ANSWER + ".cases}")).stopOnException()
                        .setProperty(BatchFiles.LINE, simple("${body.line}"))
                        .setHeader(SIGNATURE_HEADER, simple("${body.signature}"))
                        .setBody(simple("${body.nativeCase}"))
                        .to(INTAKE).id("intake-" + partner.code())
                        .bean(BatchFiles.class, "answered").id("answered-" + partner.code())
                    .end()
                    .bean(BatchFiles.class, "resultFile").id("result-" + partner.code())
                    .to("file:" + partner.replies() + "?fileName=${exchangeProperty." + BatchFiles.ANSWER
                            + ".resultName}&tempPrefix=.writing-").id("answer-" + partner.code())
                    .bean(BatchFiles.class, "keepSignatureFile").id("keep-signatures-" + partner.code());
        }
    }
}
