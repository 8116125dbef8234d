package cn.consumerexchange.gateway.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * The hub's notices over a real ledger (H2 with the gateway's migrations), the built-in formats and a Camel context
 * whose hand-off endpoint keeps the nudges it gets; one of each for the class, each test on cases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubNoticesTest {

    static final String HUB = "EXCHANGE-HUB";

    final HikariDataSource dataSource = database();
    final TransferLedger ledger = new TransferLedger(JdbcClient.create(dataSource), Clock.systemUTC(),
            new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("exchange",
                    ExchangeProperties.class),
            event -> { });
    final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    final ContractCodec codec = ContractCodec.standard();
    final AdapterCatalog adapters = AdapterCatalog.discover(FormatSource.classpath("seeds"));
    final List<Map<String, Object>> nudges = new CopyOnWriteArrayList<>();
    final CamelContext camel = handOff(nudges);
    final HubNotices notices = new HubNotices(ledger, adapters, codec, camel.createProducerTemplate(),
            Clock.systemUTC(), HUB);

    @BeforeEach
    void noNudgesYet() {
        nudges.clear();
    }

    @AfterAll
    void close() throws Exception {
        camel.close();
        dataSource.close();
    }

    static Partner partner(String code, String format) {
        return new Partner(code, "SAMR-" + code, code, List.of(), format, Transport.HTTP, null, null, null, null, true,
                null, null, null, null);
    }

    /** A notice about case {@code GW-2026-<messageId>}, naming {@code GW-2026-0000000002} too. */
    static HubNotice notice(String messageId, Partner receiver) {
        return new HubNotice(messageId, receiver, List.of(caseOf(messageId), "GW-2026-0000000002"),
                CaseState.TRANSFERRED, "告知 / Notice: nothing is asked of you.");
    }

    static String caseOf(String messageId) {
        return "GW-2026-" + messageId;
    }

    @Test
    void aNoticeIsRecordedInTheCallersTransactionAndNudgedOnlyOnceThatCommits() {
        HubNotice notice = notice("N-1", partner("SH", "yrd-json"));

        transaction.executeWithoutResult(tx -> {
            assertThat(notices.queue(notice)).isTrue();
            assertThat(nudges).as("nothing goes out before the commit").isEmpty();
        });

        LedgerEntry row = ledger.findInbound(CaseTransitions.GATEWAY, "N-1").orElseThrow();
        assertThat(row.messageType()).isEqualTo(MessageKind.STATUS_UPDATE.name());
        assertThat(row.sender()).isEqualTo(HUB);
        assertThat(row.receiver()).isEqualTo("SH");
        assertThat(row.gatewayRef()).isEqualTo(caseOf("N-1"));
        assertThat(row.state()).as("held for the nudge that follows").isEqualTo(MessageState.DELIVERING);
        ExchangeMessage sent = codec.read(ledger.payloadOf(row.id()).orElseThrow());
        assertThat(sent.getEnvelope().getSender()).isEqualTo(HUB);
        assertThat(sent.getEnvelope().getReceiver()).isEqualTo("SAMR-SH");
        assertThat(sent.getEnvelope().getCaseRef()).containsExactly(caseOf("N-1"), "GW-2026-0000000002");
        assertThat(sent.getStatusUpdate().getCaseRef()).isEqualTo(caseOf("N-1"));
        assertThat(sent.getStatusUpdate().getState()).isEqualTo(CaseState.TRANSFERRED);
        assertThat(sent.getStatusUpdate().getNote()).isEqualTo(notice.note());
        assertThat(nudges).singleElement().satisfies(nudge -> assertThat(nudge)
                .containsEntry(Endpoints.SENDER_HEADER, CaseTransitions.GATEWAY)
                .containsEntry(Endpoints.MESSAGE_ID_HEADER, "N-1")
                .containsEntry(Endpoints.RECEIVER_HEADER, "SH")
                .containsEntry(Endpoints.GATEWAY_REF_HEADER, caseOf("N-1"))
                .containsEntry(Endpoints.HELD_BY_INTAKE_HEADER, true));
    }

    @Test
    void theSameNoticeAgainIsNeitherRecordedNorSentTwice() {
        HubNotice notice = notice("N-2", partner("SH", "yrd-json"));
        transaction.executeWithoutResult(tx -> notices.queue(notice));

        Boolean again = transaction.execute(tx -> notices.queue(notice));

        assertThat(again).isFalse();
        assertThat(ledger.entriesOf(caseOf("N-2"))).hasSize(1);
        assertThat(nudges).hasSize(1);
    }

    @Test
    void aNoticeWhoseTransactionRollsBackIsNeitherKeptNorSent() {
        transaction.executeWithoutResult(tx -> {
            notices.queue(notice("N-3", partner("SH", "yrd-json")));
            tx.setRollbackOnly();
        });

        assertThat(ledger.findInbound(CaseTransitions.GATEWAY, "N-3")).isEmpty();
        assertThat(nudges).isEmpty();
    }

    @Test
    void aNoticeIsQueuedOnlyInTheTransactionThatDecidesIt() {
        assertThatThrownBy(() -> notices.queue(notice("N-4", partner("SH", "yrd-json"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.findInbound(CaseTransitions.GATEWAY, "N-4")).isEmpty();
    }

    @Test
    void everyBuiltInFormatCarriesTheHubsNotice() {
        for (String format : List.of("gba-xml", "yrd-json", "hkmo-xml", "hlj-csv", "n12315-json")) {
            assertThat(notices.cannotCarry(notice("N-5", partner("P", format)))).as(format).isEmpty();
        }
    }

    private static HikariDataSource database() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:notices-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    private static CamelContext handOff(List<Map<String, Object>> nudges) {
        try {
            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(Endpoints.HAND_OFF).routeId("test-hand-off")
                            .process(exchange -> nudges.add(Map.copyOf(exchange.getIn().getHeaders())));
                }
            });
            camel.start();
            return camel;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
