package cn.consumerexchange.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;

/** Every pair of case states, legal or not, as the table of transitions says. */
class CaseLifecycleTest {

    /** The legal changes, written out as the issue lists them, apart from the lifecycle's own table. */
    static final Set<String> LEGAL = Set.of(
            "TRANSFERRED>RECEIVED", "TRANSFERRED>ACCEPTED", "TRANSFERRED>NOT_ACCEPTED", "TRANSFERRED>RETURNED",
            "RECEIVED>ACCEPTED", "RECEIVED>NOT_ACCEPTED", "RECEIVED>RETURNED",
            "ACCEPTED>IN_MEDIATION", "ACCEPTED>CLOSED", "ACCEPTED>RETURNED",
            "IN_MEDIATION>MEDIATION_PAUSED", "MEDIATION_PAUSED>IN_MEDIATION",
            "IN_MEDIATION>MEDIATED", "IN_MEDIATION>MEDIATION_ENDED",
            "MEDIATION_PAUSED>MEDIATION_ENDED",
            "MEDIATED>CLOSED", "MEDIATION_ENDED>CLOSED", "NOT_ACCEPTED>CLOSED");

    final CaseLifecycle lifecycle = new CaseLifecycle();

    static Stream<Arguments> legal() {
        return pairs(true);
    }

    static Stream<Arguments> illegal() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean legal) {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseState from : CaseState.values()) {
            for (CaseState to : CaseState.values()) {
                if (from != to && LEGAL.contains(from + ">" + to) == legal) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void theTableCoversEveryPairOfStates() {
        int states = CaseState.values().length;
        assertThat(legal().count() + illegal().count()).isEqualTo((long) states * (states - 1));
        assertThat(legal().count()).isEqualTo(LEGAL.size());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("legal")
    void legalChangeMovesTheCase(CaseState from, CaseState to) {
        assertThat(lifecycle.changes("GW-2026-0000000001", from, to)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("illegal")
    void illegalChangeIsRefusedNamingBothStates(CaseState from, CaseState to) {
        assertThatThrownBy(() -> lifecycle.changes("GW-2026-0000000001", from, to))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> assertThat(refused.violation())
                        .isEqualTo(new Violation(ErrorCode.ILLEGAL_TRANSITION, "/ExchangeMessage/StatusUpdate/State",
                                "Case GW-2026-0000000001 is " + from + "; it cannot go to " + to + " from there")));
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void reportingTheCurrentStateAgainChangesNothing(CaseState state) {
        assertThat(lifecycle.changes("GW-2026-0000000001", state, state)).isFalse();
    }
}
