package cn.consumerexchange.gateway.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.GatewayApplication;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * The conformance kit (接入认证工具): certifies a partner's descriptor, mapping and samples against the gateway in
 * sandbox mode, where the gateway plays every other region, and prints a report. Exits 0 when certified, 1 when any
 * check failed, 2 when the folder cannot be used.
 *
 * <p>The folder is an onboarding location: {@code partners/partners.json} (the partners to certify),
 * {@code formats/<format>/} (the mapping, unless the format is built in) and {@code samples/}. The sandbox is its own
 * gateway: embedded broker in a temporary folder, an in-memory ledger, no HTTP port.
 */
public final class ConformanceKit {

    private ConformanceKit() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ConformanceKit <onboarding folder with partners/, formats/ and samples/>");
            System.exit(2);
        }
        CertificationReport report = certify(Path.of(args[0]));
        System.out.println(report.render());
        System.exit(report.certified() ? 0 : 1);
    }

    /** Starts a sandbox gateway with the folder as a partner location, certifies its partners, stops the sandbox. */
    public static CertificationReport certify(Path folder) {
        Path location = folder.toAbsolutePath().normalize();
        List<String> candidates = candidates(location);
        CertificationReport report = new CertificationReport();
        // As command-line arguments, so that they win over application.yml: the sandbox never touches the data of a
        // gateway run from the same folder.
        String[] settings = sandboxProperties(location).entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext sandbox = new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .run(settings)) {
            PartnerRegistry partners = sandbox.getBean(PartnerRegistry.class);
            SandboxCertification certification = new SandboxCertification(sandbox.getBean(JmsTemplate.class),
                    partners, sandbox.getBean(AdapterCatalog.class), sandbox.getBean(TransferLedger.class), report);
            for (String code : candidates) {
                certification.certify(partners.require(code), location.resolve("samples"));
            }
        }
        return report;
    }

    private static List<String> candidates(Path location) {
        Path descriptors = location.resolve("partners/partners.json");
        try {
            JsonNode partners = new ObjectMapper().readTree(descriptors.toFile());
            return partners.findValuesAsText("code");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the partner descriptors " + descriptors + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Object> sandboxProperties(Path location) {
        String run = UUID.randomUUID().toString();
        return Map.of(
                "exchange.sandbox.enabled", "true",
                "exchange.partner-locations", "classpath:seeds/," + location.toUri(),
                "exchange.simulator.enabled", "false",
                "spring.datasource.url", "jdbc:h2:mem:sandbox-" + run
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.artemis.embedded.data-directory",
                System.getProperty("java.io.tmpdir") + "/exchange-sandbox/" + run,
                "exchange.delivery.initial-backoff", "100ms",
                "exchange.delivery.horizon", "5s",
                "logging.level.root", "WARN",
                "spring.main.banner-mode", "off");
    }
}
