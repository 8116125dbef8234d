package cn.consumerexchange.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Simulated HTTP partners for the embedded defaults, so the gateway can be tried with nothing else running.
 *
 * <p>A simulated partner keeps what it receives (the last 100 messages, {@code GET} the same path to see them) and,
 * after {@code exchange.simulator.answer-delay}, answers a delivered complaint the way a regional system would: with
 * a status update "accepted" sent back through the gateway's intake. A zero delay means it never answers.
 */
@RestController
@ConditionalOnProperty(name = "exchange.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedPartners {

    private static final int KEPT = 100;

    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ProducerTemplate camel;
    private final ExchangeProperties properties;
    private final Deque<String> received = new ArrayDeque<>();
    private final ScheduledExecutorService answering = Executors.newSingleThreadScheduledExecutor(
            task -> {
                Thread thread = new Thread(task, "simulated-partner");
                thread.setDaemon(true);
                return thread;
            });

    SimulatedPartners(PartnerRegistry partners, AdapterCatalog adapters, ProducerTemplate camel,
            ExchangeProperties properties) {
        this.partners = partners;
        this.adapters = adapters;
        this.camel = camel;
        this.properties = properties;
    }

    @PostMapping("/simulator/partners/{code}/inbox")
    ResponseEntity<Void> receive(@PathVariable String code, @RequestBody byte[] body) {
        Partner partner = partners.require(code);
        PartnerAdapter adapter = adapters.forFormat(partner.format());
        ExchangeMessage message = adapter.toContract(body);
        keep(code + " " + new String(body, StandardCharsets.UTF_8));
        long delay = properties.simulator().answerDelay().toMillis();
        if (message.getComplaint() != null && delay > 0) {
            answering.schedule(() -> answer(partner, adapter, message), delay, TimeUnit.MILLISECONDS);
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/simulator/partners/{code}/inbox")
    List<String> inbox(@PathVariable String code) {
        synchronized (received) {
            return received.stream().filter(line -> line.startsWith(code + " ")).toList();
        }
    }

    private void keep(String line) {
        synchronized (received) {
            if (received.size() == KEPT) {
                received.removeFirst();
            }
            received.addLast(line);
        }
    }

    private void answer(Partner partner, PartnerAdapter adapter, ExchangeMessage complaint) {
        List<String> caseRefs = complaint.getEnvelope().getCaseRef();
        String gatewayRef = caseRefs.get(caseRefs.size() - 1);
        ExchangeMessage answer = SampleCases.statusAccepted(partner.authority(), gatewayRef,
                "Simulated " + partner.name() + ": accepted");
        answer.getEnvelope().setMessageId(partner.code() + "-SIM-" + gatewayRef);
        camel.sendBodyAndHeader(Endpoints.INTAKE, adapter.toNative(answer), Endpoints.PARTNER_HEADER, partner.code());
    }
}
