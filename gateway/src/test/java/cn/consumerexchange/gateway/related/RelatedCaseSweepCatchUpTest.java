package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.transfer.MessageIntake;

/**
 * The related-case sweep behind the intake, as the gateway schedules it: a backlog larger than one pass is caught up
 * in one run, and a job that runs long holds up none of the gateway's other scheduled jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelatedCaseSweepCatchUpTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        // On, but swept by hand below: the schedule's first run is an hour away.
        registry.add("exchange.related.sweep.enabled", () -> "true");
        registry.add("exchange.related.sweep.interval", () -> "1h");
        registry.add("exchange.related.sweep.batch", () -> "2");
    }

    @Autowired
    RelatedCaseSweep sweep;
    @Autowired
    MessageIntake intake;
    @Autowired
    TransferLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskScheduler scheduler;

    @Test
    void aSweepWhosePassFindsAFullBatchGoesOnUntilTheBacklogIsCaughtUp() throws Exception {
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml");
        List<String> cases = IntStream.range(0, 5)
                .mapToObj(i -> RelatedCasesInGatewayTest.acceptedFromShenzhen(intake, ledger, complaint)).toList();

        sweep.sweep();

        assertThat(jdbc.sql("select gateway_ref from related_case_check where gateway_ref in (:refs)")
                .param("refs", cases).query(String.class).list()).containsExactlyInAnyOrderElementsOf(cases);
    }

    @Test
    void aScheduledJobThatRunsLongHoldsUpNoOtherJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        scheduler.schedule(() -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Instant.now());
        scheduler.schedule(otherRan::countDown, Instant.now().plusMillis(200));

        try {
            assertThat(otherRan.await(10, TimeUnit.SECONDS)).as("the second job ran while the first still ran")
                    .isTrue();
        } finally {
            release.countDown();
        }
    }
}
