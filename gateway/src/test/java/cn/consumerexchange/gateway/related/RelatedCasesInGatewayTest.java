package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * The detector as the gateway builds it: its settings from application.yml, the partner registry telling a Hong Kong
 * filing from a mainland one, the gateway's database migrated by Flyway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelatedCasesInGatewayTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    RelatedCaseDetector detector;
    @Autowired
    RelatedCaseRecords records;
    @Autowired
    ContractCodec codec;

    @Test
    void theSampleComplaintFiledAgainWithTheHongKongCouncilIsLinkedToShenzhensFiling() throws Exception {
        ExchangeMessage shenzhen = codec.read(Files.readAllBytes(Path.of("../seeds/samples/contract/complaint.xml")));
        Instant received = shenzhen.getComplaint().getReceivedAt().toInstant();
        ExchangeMessage hongKong = codec.read(codec.write(shenzhen));
        hongKong.getComplaint().getComplainant().setName("李曉華");
        hongKong.getComplaint().getComplainant().setPhone("+86 138 0013 8000");
        hongKong.getComplaint().getComplainant().setIdNumber(null);
        hongKong.getComplaint().getRespondent().setName("上海浦江數碼科技有限責任公司");

        assertThat(detector.record(shenzhen, "GW-SZ-0731", "SZ", received).links()).isEmpty();
        RelatedCaseFindings found = detector.record(hongKong, "GW-HK-0042", "HK", received.plus(Duration.ofDays(1)));

        assertThat(found.links()).singleElement().satisfies(link -> {
            assertThat(link.leadRef()).isEqualTo("GW-SZ-0731");
            assertThat(link.otherPartner()).isEqualTo("HK");
            assertThat(link.score()).isGreaterThanOrEqualTo(0.8);
            assertThat(link.reasons()).contains(MatchReason.SAME_PHONE, MatchReason.SAME_NAME,
                    MatchReason.SAME_RESPONDENT_CODE);
        });
        assertThat(records.linksOf("GW-SZ-0731")).containsExactlyElementsOf(found.links());
    }
}
