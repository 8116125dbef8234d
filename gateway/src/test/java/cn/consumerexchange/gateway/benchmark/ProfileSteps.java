package cn.consumerexchange.gateway.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the step of the gateway's work a CPU sample belongs to, from its thread and its stack (innermost frame first):
 * the stage of the flow (intake, delivery, broker, ...) from the thread's name or the gateway class on the stack (else
 * the thread's name), and the part (XSLT, JAXB, JDBC, Artemis, HTTP, logging, ...) from the innermost frame of a
 * library or of the project's code. The JDK's general classes (collections, strings, I/O) say nothing of a step: the
 * frame below them decides.
 */
final class ProfileSteps {

    /** A step: the flow's stage and the part of the work. */
    record Step(String stage, String part) {
    }

    static final String INTAKE = "intake";
    static final String DELIVERY = "delivery";

    static final String XSLT = "format translation (XSLT)";
    static final String XML = "XML parsing and schema validation";
    static final String JAXB = "JAXB";
    static final String CONTRACT = "contract codec and validator";
    static final String DATABASE = "ledger database (JDBC)";
    /** The parts that are the intake's XML work: reading, checking and translating a partner's message. */
    static final Set<String> XML_WORK = Set.of(XSLT, XML, JAXB, CONTRACT);

    /** By package or class prefix, first match wins: a more specific prefix comes before a wider one. */
    private static final List<Map.Entry<String, String>> PARTS = List.of(
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("org.apache.logging.", "logging"),
            Map.entry("net.sf.saxon.", XSLT),
            Map.entry("com.fasterxml.jackson.", "JSON (Jackson)"),
            Map.entry("org.glassfish.jaxb.", JAXB),
            Map.entry("com.sun.xml.bind.", JAXB),
            Map.entry("jakarta.xml.bind.", JAXB),
            Map.entry("org.apache.xerces.", XML),
            Map.entry("com.sun.org.apache.", XML),
            Map.entry("com.sun.xml.internal.stream.", XML),
            Map.entry("javax.xml.", XML),
            Map.entry("jdk.xml.", XML),
            Map.entry("org.h2.", DATABASE),
            Map.entry("com.zaxxer.hikari.", DATABASE),
            Map.entry("org.springframework.jdbc.", DATABASE),
            Map.entry("org.springframework.integration.jdbc.", DATABASE),
            Map.entry("java.security.", "hashing and signatures"),
            Map.entry("sun.security.", "hashing and signatures"),
            Map.entry("javax.crypto.", "hashing and signatures"),
            Map.entry("com.sun.crypto.", "hashing and signatures"),
            Map.entry("org.bouncycastle.", "hashing and signatures"),
            Map.entry("org.apache.activemq.", "Artemis"),
            Map.entry("io.netty.", "Artemis"),
            Map.entry("org.springframework.jms.", "JMS listener and template"),
            Map.entry("org.apache.camel.component.jms.", "JMS listener and template"),
            Map.entry("org.apache.hc.", "HTTP client"),
            Map.entry("org.apache.camel.component.http.", "HTTP client"),
            Map.entry("java.net.http.", "HTTP client"),
            Map.entry("jdk.internal.net.http.", "HTTP client"),
            Map.entry("org.apache.catalina.", "HTTP server (Tomcat)"),
            Map.entry("org.apache.coyote.", "HTTP server (Tomcat)"),
            Map.entry("org.apache.tomcat.", "HTTP server (Tomcat)"),
            Map.entry("jdk.jfr.", "JFR"),
            Map.entry("io.micrometer.", "metrics"),
            Map.entry("io.github.resilience4j.", "circuit breaker"),
            Map.entry("org.apache.camel.", "Camel routing"),
            Map.entry("org.springframework.", "Spring (transactions, proxies, beans)"),
            Map.entry("cn.consumerexchange.contract.", CONTRACT),
            Map.entry("cn.consumerexchange.adapter.", "adapters"),
            Map.entry("cn.consumerexchange.gateway.related.", "related-case check"),
            Map.entry("cn.consumerexchange.gateway.", "gateway code"));

    /**
     * What the embedded database (H2) is doing in a sample, by the outermost of its steps on the stack, first match
     * wins: compaction writes chunks too, and a commit's write of the changed pages runs inside the commit.
     */
    private static final List<Map.Entry<String, String>> LEDGER_WORK = List.of(
            Map.entry("org.h2.mvstore.MVStore.compact", "rewriting sparse chunks (compaction)"),
            Map.entry("org.h2.mvstore.MVStore.storeNow", "writing the pages changed since the last write, at commit"),
            Map.entry("org.h2.mvstore.tx.Transaction.commit", "marking a transaction's changes committed"),
            Map.entry("org.h2.engine.SessionLocal.prepareLocal", "parsing and planning statements"));

    /** The JDK's general classes: skipped when looking for the part. */
    private static final List<String> GENERAL = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private static final String PROJECT = "cn.consumerexchange.";

    private ProfileSteps() {
    }

    /**
     * @param thread the sampled thread's Java name
     * @param frames the stack as {@code class.method}, innermost first
     */
    static Step of(String thread, List<String> frames) {
        return new Step(stage(thread, frames), part(frames));
    }

    /** The innermost class of the project's own on the stack ({@code Delivery}, {@code ContractValidator}, ...). */
    static Optional<String> projectClass(List<String> frames) {
        return frames.stream().filter(frame -> frame.startsWith(PROJECT)).findFirst().map(ProfileSteps::simpleClass);
    }

    /** What the embedded database is doing in a sample with H2 on its stack; empty for a sample without it. */
    static Optional<String> ledgerWork(List<String> frames) {
        if (frames.stream().noneMatch(frame -> frame.startsWith("org.h2."))) {
            return Optional.empty();
        }
        return Optional.of(LEDGER_WORK.stream()
                .filter(work -> frames.stream().anyMatch(frame -> frame.equals(work.getKey())))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("running statements (reading and changing rows and indexes)"));
    }

    private static String stage(String thread, List<String> frames) {
        // Camel names a JMS consumer's thread after its queue: partner.SZ.inbound, gateway.delivery.SH.
        if (thread.contains("JmsConsumer[partner.") && thread.contains(".inbound]")) {
            return INTAKE;
        }
        if (thread.contains("JmsConsumer[gateway.delivery.")) {
            return DELIVERY;
        }
        if (thread.contains("ActiveMQ") || thread.contains("activemq")) {
            return "broker";
        }
        if (thread.startsWith("http-nio")) {
            return "HTTP server";
        }
        for (String frame : frames) {
            if (frame.startsWith("cn.consumerexchange.gateway.transfer.Delivery")) {
                return DELIVERY;
            }
            if (frame.startsWith("cn.consumerexchange.gateway.transfer.MessageIntake")
                    || frame.startsWith("cn.consumerexchange.gateway.transfer.IntakeRoutes")) {
                return INTAKE;
            }
        }
        // Scheduled work (ledger sealer, sweepers) and pools: named by their threads, numbers left out.
        return "other: " + thread.replaceAll("\\d+", "#");
    }

    private static String part(List<String> frames) {
        for (String frame : frames) {
            Optional<String> part = PARTS.stream().filter(rule -> frame.startsWith(rule.getKey()))
                    .map(Map.Entry::getValue).findFirst();
            if (part.isPresent()) {
                return part.get();
            }
            if (GENERAL.stream().noneMatch(frame::startsWith)) {
                return "other libraries";
            }
        }
        return "JDK";
    }

    private static String simpleClass(String frame) {
        String type = frame.substring(0, frame.lastIndexOf('.'));
        // A lambda's or a Spring proxy's class counts as its owner's: Foo$$Lambda$12.0x..., Foo$$SpringCGLIB$$0.
        int generated = type.indexOf("$$");
        if (generated > 0) {
            type = type.substring(0, generated);
        }
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
