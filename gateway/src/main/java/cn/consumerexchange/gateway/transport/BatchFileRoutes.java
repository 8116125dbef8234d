package cn.consumerexchange.gateway.transport;

import static cn.consumerexchange.gateway.Endpoints.INTAKE;
import static cn.consumerexchange.gateway.Endpoints.PARTNER_HEADER;

import java.util.ArrayList;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * Partners that exchange batch files (批量文件). A CSV file dropped into the partner's inbound directory holds many
 * cases, one per line after the header; every line goes through the intake on its own, so a bad line is rejected
 * without sinking the file. A result file with the same name plus {@code .result.csv} in the replies directory says,
 * line by line, what was accepted (with the gateway's reference) and what was rejected and why. The batch file then
 * moves to {@code .done/}.
 *
 * <p>If the gateway stops half-way through a file, the file is read again on restart; the lines already received are
 * recognised by the ledger and answered as before, so nothing is applied twice.
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
            from("file:" + partner.inbound() + "?include=.*\\.csv&readLock=changed&readLockMinAge=500"
                    + "&move=.done/${file:name}&moveFailed=.failed/${file:name}")
                    .routeId("batch-" + partner.code())
                    .setHeader(PARTNER_HEADER, constant(partner.code()))
                    .split(method(BatchFiles.class, "cases"),
                            AggregationStrategies.flexible(BatchFiles.LineResult.class)
                                    .accumulateInCollection(ArrayList.class))
                        .setProperty(BatchFiles.LINE, simple("${body.line}"))
                        .setBody(simple("${body.nativeCase}"))
                        .to(INTAKE).id("intake-" + partner.code())
                        .bean(BatchFiles.class, "lineResult")
                    .end()
                    .bean(BatchFiles.class, "resultFile").id("result-" + partner.code())
                    .to("file:" + partner.replies() + "?fileName=${file:name.noext}.result.csv"
                            + "&tempPrefix=.writing-").id("answer-" + partner.code());
        }
    }
}
