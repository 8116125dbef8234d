package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileStepsTest {

    private static final String INTAKE_THREAD = "Camel (exchange-gateway) thread #7 - JmsConsumer[partner.SZ.inbound]";
    private static final String DELIVERY_THREAD =
            "Camel (exchange-gateway) thread #9 - JmsConsumer[gateway.delivery.SH]";

    @Test
    void theInnermostLibraryFrameNamesThePartAndTheConsumerThreadTheStage() {
        ProfileSteps.Step step = ProfileSteps.of(INTAKE_THREAD, List.of(
                "java.util.HashMap.get",
                "net.sf.saxon.tree.tiny.TinyTree.getNodeKind",
                "cn.consumerexchange.adapter.DeclarativeAdapter.toContract",
                "cn.consumerexchange.gateway.transfer.MessageIntake.accept"));

        assertThat(step).isEqualTo(new ProfileSteps.Step("intake", "format translation (XSLT)"));
    }

    @Test
    void jdbcUnderTheGatewaysLedgerIsTheDatabase() {
        ProfileSteps.Step step = ProfileSteps.of(DELIVERY_THREAD, List.of(
                "java.lang.String.hashCode",
                "org.h2.command.Command.executeUpdate",
                "com.zaxxer.hikari.pool.ProxyPreparedStatement.executeUpdate",
                "cn.consumerexchange.gateway.ledger.DeliveryLedger.markDelivered"));

        assertThat(step).isEqualTo(new ProfileSteps.Step("delivery", "ledger database (JDBC)"));
    }

    @Test
    void aSpecificPrefixWinsOverTheWiderOneOfTheSameLibrary() {
        assertThat(ProfileSteps.of("main", List.of("org.apache.camel.component.jms.JmsBinding.makeJmsMessage",
                "org.apache.camel.impl.engine.DefaultProducerCache.send")).part())
                .isEqualTo("JMS listener and template");
        assertThat(ProfileSteps.of("main", List.of("org.apache.camel.impl.engine.DefaultProducerCache.send")).part())
                .isEqualTo("Camel routing");
    }

    @Test
    void withoutATellingThreadNameTheGatewayClassOnTheStackNamesTheStage() {
        ProfileSteps.Step step = ProfileSteps.of("DeliverySweeper-1", List.of(
                "ch.qos.logback.classic.Logger.info",
                "cn.consumerexchange.gateway.transfer.Delivery.attempt"));

        assertThat(step).isEqualTo(new ProfileSteps.Step("delivery", "logging"));
    }

    @Test
    void aStackOfTheJdkAloneIsTheJdksAndAnUnknownLibraryIsNamedAsSuch() {
        assertThat(ProfileSteps.of("pool-1", List.of("java.util.TreeMap.put", "java.lang.Thread.run")))
                .isEqualTo(new ProfileSteps.Step("other: pool-#", "JDK"));
        assertThat(ProfileSteps.of("pool-1", List.of("java.util.TreeMap.put", "com.example.Unknown.call")).part())
                .isEqualTo("other libraries");
    }

    @Test
    void theInnermostProjectClassIsNamedWithoutItsPackage() {
        assertThat(ProfileSteps.projectClass(List.of("org.h2.Driver.connect",
                "cn.consumerexchange.contract.ContractValidator.validate",
                "cn.consumerexchange.gateway.transfer.MessageIntake.accept"))).contains("ContractValidator");
        assertThat(ProfileSteps.projectClass(List.of("org.h2.Driver.connect"))).isEmpty();
        assertThat(ProfileSteps.projectClass(List.of(
                "cn.consumerexchange.gateway.ledger.DeliveryLedger$$SpringCGLIB$$0.claim"))).contains("DeliveryLedger");
        assertThat(ProfileSteps.projectClass(List.of(
                "cn.consumerexchange.gateway.transfer.Delivery$$Lambda$729.0x00007fc91433e6e0.apply")))
                .contains("Delivery");
    }

    @Test
    void theDatabasesWorkIsNamedByItsOutermostStepSoACommitsWriteOfPagesIsNotCountedAsTheCommitsBookkeeping() {
        List<String> writeAtCommit = List.of(
                "org.h2.mvstore.DataUtils.writeStringData",
                "org.h2.mvstore.FileStore.serializeAndStore",
                "org.h2.mvstore.MVStore.storeNow",
                "org.h2.mvstore.MVStore.commit",
                "org.h2.mvstore.tx.Transaction.commit",
                "org.h2.engine.SessionLocal.commit",
                "cn.consumerexchange.gateway.transfer.MessageIntake.receive");
        List<String> bookkeeping = List.of(
                "org.h2.mvstore.MVMap.operate",
                "org.h2.mvstore.tx.TransactionStore.commit",
                "org.h2.mvstore.tx.Transaction.commit",
                "org.h2.engine.SessionLocal.commit");
        List<String> compaction = List.of(
                "org.h2.mvstore.MVStore.storeNow",
                "org.h2.mvstore.FileStore.compactRewrite",
                "org.h2.mvstore.MVStore.compact",
                "cn.consumerexchange.gateway.ledger.file.LedgerFileCompaction.compact");
        List<String> statement = List.of(
                "org.h2.mvstore.Page.binarySearch",
                "org.h2.command.Command.executeUpdate",
                "cn.consumerexchange.gateway.ledger.TransferLedger.record");

        assertThat(ProfileSteps.ledgerWork(writeAtCommit))
                .contains("writing the pages changed since the last write, at commit");
        assertThat(ProfileSteps.ledgerWork(bookkeeping)).contains("marking a transaction's changes committed");
        assertThat(ProfileSteps.ledgerWork(compaction)).contains("rewriting sparse chunks (compaction)");
        assertThat(ProfileSteps.ledgerWork(statement))
                .contains("running statements (reading and changing rows and indexes)");
        assertThat(ProfileSteps.ledgerWork(List.of("net.sf.saxon.tree.tiny.TinyTree.getNodeKind"))).isEmpty();
    }
}
