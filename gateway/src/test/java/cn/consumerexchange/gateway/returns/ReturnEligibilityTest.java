package cn.consumerexchange.gateway.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ReturnRequest;

/** The no-reason return rules (线下无理由退货) against the seeds' commitments, on the contract's sample request. */
class ReturnEligibilityTest {

    private final ReturnEligibility eligibility = new ReturnEligibility(ReturnSeeds.registry());

    /** Bought at 岭南优品天河城店 (Guangzhou) on 2026-05-10, returned at its Shenzhen store on 2026-05-16. */
    private static ReturnRequest sample() {
        return ContractCodec.standard().read(ReturnSeeds.file("samples/contract/return-request.xml"))
                .getReturnRequest();
    }

    @Test
    void theSampleRequestIsAReturnTheFirmCommittedTo() {
        ReturnRequest request = sample();

        assertThat(eligibility.check(request)).isEmpty();
        assertThat(eligibility.covered(request)).get().satisfies(covered -> {
            assertThat(covered.firm().id()).isEqualTo("LNYP");
            assertThat(covered.originStore().code()).isEqualTo("LNYP-GZ-0106-03");
            assertThat(covered.returnStore().code()).isEqualTo("LNYP-SZ-0305-01");
        });
    }

    @Nested
    class Period {

        @Test
        void theLastDayOfTheSevenIsStillWithin() {
            ReturnRequest request = sample();
            request.setRequestedAt(OffsetDateTime.of(2026, 5, 17, 23, 59, 0, 0, ZoneOffset.ofHours(8)));

            assertThat(eligibility.check(request)).isEmpty();
        }

        @Test
        void theDayAfterIsRefusedNamingTheLastDay() {
            ReturnRequest request = sample();
            // 16:30 UTC on the 17th is already the 18th in China Standard Time.
            request.setRequestedAt(OffsetDateTime.of(2026, 5, 17, 16, 30, 0, 0, ZoneOffset.UTC));

            assertThat(eligibility.check(request)).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ErrorCode.RETURN_PERIOD_EXPIRED);
                assertThat(violation.path()).isEqualTo("/ExchangeMessage/ReturnRequest/RequestedAt");
                assertThat(violation.reason()).contains("until 2026-05-17", "asked for on 2026-05-18");
            });
        }
    }

    @Test
    void excludedGoodsAreRefusedItemByItem() {
        ReturnRequest request = sample();
        request.getPurchase().getItem().get(1).setName("定制刺绣保温杯");

        assertThat(eligibility.check(request)).singleElement().satisfies(violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.GOODS_EXCLUDED);
            assertThat(violation.path()).isEqualTo("/ExchangeMessage/ReturnRequest/Purchase/Item[2]/Name");
            assertThat(violation.reason()).contains("LNYP-7D-2025", "定制");
        });
    }

    @Test
    void aClaimForCompensationIsAComplaintNotAReturn() {
        ReturnRequest request = sample();
        request.setReason("围巾起球，要求退货并按价款三倍赔偿。");

        assertThat(eligibility.check(request)).extracting(Violation::code)
                .containsExactly(ErrorCode.COMPENSATION_NOT_RETURN);
    }

    @Nested
    class Commitment {

        @Test
        void anUnknownCommitmentIsRefused() {
            ReturnRequest request = sample();
            request.setCommitmentId("NOBODY-7D");

            assertThat(eligibility.check(request)).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ErrorCode.UNKNOWN_COMMITMENT);
                assertThat(violation.path()).isEqualTo("/ExchangeMessage/ReturnRequest/CommitmentId");
            });
        }

        @Test
        void withoutACommitmentIdTheStoreOfPurchaseNamesTheFirm() {
            ReturnRequest request = sample();
            request.setCommitmentId(null);

            assertThat(eligibility.check(request)).isEmpty();
        }

        @Test
        void aReturnStoreOfAnotherFirmIsNotCovered() {
            ReturnRequest request = sample();
            request.getReturnStore().setStoreCode("BLJX-SZ-0303-01");
            request.getReturnStore().setDivisionCode("440303");

            assertThat(eligibility.check(request)).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ErrorCode.UNKNOWN_COMMITMENT);
                assertThat(violation.path()).isEqualTo("/ExchangeMessage/ReturnRequest/ReturnStore/StoreCode");
            });
        }

        @Test
        void aStoreInAnotherDivisionThanRegisteredIsRefused() {
            ReturnRequest request = sample();
            request.getPurchase().getOriginStore().setDivisionCode("440104");

            assertThat(eligibility.check(request)).extracting(Violation::path)
                    .containsExactly("/ExchangeMessage/ReturnRequest/Purchase/OriginStore/DivisionCode");
        }
    }

    @Test
    void aPurchaseThatDoesNotAddUpIsRefused() {
        ReturnRequest request = sample();
        request.getPurchase().getAmount().setValue(new BigDecimal("487.49"));

        assertThat(eligibility.check(request)).singleElement().satisfies(violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.RETURN_AMOUNT_MISMATCH);
            assertThat(violation.reason()).contains("487.50", "487.49");
        });
    }
}
