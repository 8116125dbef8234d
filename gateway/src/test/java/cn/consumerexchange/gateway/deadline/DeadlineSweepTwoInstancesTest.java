package cn.consumerexchange.gateway.deadline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayApplication;
import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Two gateway instances sharing one database, each with its own embedded broker, sweep the same clocks at the same
 * time, again and again, through the lock and around it: each warning and each flag is queued, recorded and delivered
 * exactly once. WireMock plays Shanghai, which holds the cases.
 */
class DeadlineSweepTwoInstancesTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final int ROUNDS = 6;

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        String run = UUID.randomUUID().toString();
        String database = "jdbc:h2:mem:deadlines-" + run
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        first = start(database, run);
        second = start(database, run);
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        SHANGHAI.stop();
    }

    private static ConfigurableApplicationContext start(String database, String run) {
        Map<String, Object> settings = new HashMap<>();
        GatewayTestSupport.register((name, value) -> settings.put(name, value.get()), SHANGHAI);
        settings.put("spring.datasource.url", database);
        // No server id of our own: Spring Boot numbers each embedded broker of the JVM, and an id taken by another
        // test's cached context would connect this instance to that context's broker.
        settings.put("server.port", 0);
        settings.put("exchange.ledger-chain.private-key", "target/test-keys/" + run + "/ledger-signing.key");
        settings.put("exchange.ledger-chain.public-key", "target/test-keys/" + run + "/ledger-signing.pub");
        // A fresh acceptance clock is due soon; the sweeps are the test's own.
        settings.put("exchange.deadlines.warn-working-days", 7);
        settings.put("exchange.deadlines.sweep-interval", "1h");
        settings.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(GatewayApplication.class).run(settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }

    @Test
    void eachWarningAndEachFlagFiresOnceWhileBothInstancesSweep() throws Exception {
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        List<String> dueSoon = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dueSoon.add(DeadlineTestSupport.complaintToShanghai(shenzhen(i % 2 == 0 ? first : second)));
            String late = DeadlineTestSupport.complaintToShanghai(shenzhen(i % 2 == 0 ? second : first));
            DeadlineTestSupport.startEarlier(jdbc, late, ClockKind.ACCEPTANCE, Duration.ofDays(30));
            missed.add(late);
        }

        List<Callable<DeadlineSweeper.Outcome>> sweeps = new ArrayList<>();
        CountDownLatch together = new CountDownLatch(4);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            DeadlineSweeper sweeper = instance.getBean(DeadlineSweeper.class);
            // Through the lock, as the schedule runs it; and around it, as if a lock had expired under a slow sweep.
            sweeps.add(() -> rounds(together, sweeper::sweep));
            sweeps.add(() -> rounds(together, sweeper::sweepOnce));
        }
        ExecutorService threads = Executors.newFixedThreadPool(sweeps.size());
        int warned = 0;
        int flagged = 0;
        try {
            for (Future<DeadlineSweeper.Outcome> outcome : threads.invokeAll(sweeps)) {
                warned += outcome.get().warned();
                flagged += outcome.get().flagged();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(warned).isEqualTo(dueSoon.size());
        assertThat(flagged).isEqualTo(missed.size());
        for (String gatewayRef : dueSoon) {
            assertThat(notices(jdbc, gatewayRef)).as("notices of %s", gatewayRef).hasSize(1)
                    .allSatisfy(id -> assertThat(id).endsWith("-W"));
        }
        for (String gatewayRef : missed) {
            assertThat(notices(jdbc, gatewayRef)).as("notices of %s", gatewayRef).hasSize(1)
                    .allSatisfy(id -> assertThat(id).endsWith("-M"));
        }
        assertThat(jdbc.sql("select count(*) from legal_clock where warned_at is not null").query(Long.class)
                .single()).isEqualTo(dueSoon.size());
        assertThat(jdbc.sql("select count(*) from legal_clock where flagged_at is not null").query(Long.class)
                .single()).isEqualTo(missed.size());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String gatewayRef : dueSoon) {
                SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(gatewayRef))
                        .withRequestBody(containing("Deadline due soon")));
            }
            for (String gatewayRef : missed) {
                SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(gatewayRef))
                        .withRequestBody(containing("Deadline missed")));
            }
        });
    }

    private static DeadlineSweeper.Outcome rounds(CountDownLatch together, Callable<DeadlineSweeper.Outcome> sweep)
            throws Exception {
        together.countDown();
        together.await();
        int warned = 0;
        int flagged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            DeadlineSweeper.Outcome outcome = sweep.call();
            warned += outcome.warned();
            flagged += outcome.flagged();
        }
        return new DeadlineSweeper.Outcome(warned, flagged);
    }

    private static List<String> notices(JdbcClient jdbc, String gatewayRef) {
        return jdbc.sql("select message_id from ledger_message where direction = 'IN' and partner_code = 'GATEWAY'"
                        + " and gateway_ref = ? order by id")
                .param(gatewayRef).query(String.class).list();
    }

    private static RestTemplate shenzhen(ConfigurableApplicationContext instance) {
        return new RestTemplateBuilder()
                .rootUri("http://localhost:" + instance.getEnvironment().getProperty("local.server.port")).build();
    }
}
