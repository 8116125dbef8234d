package cn.consumerexchange.gateway.lifecycle;

import static cn.consumerexchange.contract.v1.CaseState.ACCEPTED;
import static cn.consumerexchange.contract.v1.CaseState.CLOSED;
import static cn.consumerexchange.contract.v1.CaseState.IN_MEDIATION;
import static cn.consumerexchange.contract.v1.CaseState.MEDIATED;
import static cn.consumerexchange.contract.v1.CaseState.MEDIATION_ENDED;
import static cn.consumerexchange.contract.v1.CaseState.MEDIATION_PAUSED;
import static cn.consumerexchange.contract.v1.CaseState.NOT_ACCEPTED;
import static cn.consumerexchange.contract.v1.CaseState.RECEIVED;
import static cn.consumerexchange.contract.v1.CaseState.RETURNED;
import static cn.consumerexchange.contract.v1.CaseState.TRANSFERRED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;

/**
 * Which state a transferred case (案件状态) may take next when a partner reports one, after SAMR Order No. 121
 * (《市场监督管理投诉举报处理暂行办法》).
 *
 * <p>TRANSFERRED (已转办) is the gateway's own state: the complaint is on its way to a receiving authority that has not
 * answered yet, so that authority may report what it could report from RECEIVED, and may skip RECEIVED. A partner
 * never moves a case into TRANSFERRED: only the hub does, when it re-routes a case returned to it (退回, art. 41).
 * RETURNED and CLOSED have no way out for a partner: a returned case is the hub's to re-route or an operator's.
 * Reporting the state the case is already in changes nothing and is no error, so a partner may resend an update.
 */
@Component
public class CaseLifecycle {

    private static final Map<CaseState, Set<CaseState>> NEXT = new EnumMap<>(CaseState.class);

    static {
        NEXT.put(TRANSFERRED, EnumSet.of(RECEIVED, ACCEPTED, NOT_ACCEPTED, RETURNED));
        // 受理 or 不予受理 within 7 working days (art. 15–16), or 退回 when the case is not the authority's (art. 41).
        NEXT.put(RECEIVED, EnumSet.of(ACCEPTED, NOT_ACCEPTED, RETURNED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_MEDIATION, CLOSED, RETURNED));
        // 调解中止 for testing or appraisal (art. 22) resumes, or ends; 调解终止 (art. 23).
        NEXT.put(IN_MEDIATION, EnumSet.of(MEDIATION_PAUSED, MEDIATED, MEDIATION_ENDED));
        NEXT.put(MEDIATION_PAUSED, EnumSet.of(IN_MEDIATION, MEDIATION_ENDED));
        NEXT.put(MEDIATED, EnumSet.of(CLOSED));
        NEXT.put(MEDIATION_ENDED, EnumSet.of(CLOSED));
        NEXT.put(NOT_ACCEPTED, EnumSet.of(CLOSED));
        NEXT.put(RETURNED, EnumSet.noneOf(CaseState.class));
        NEXT.put(CLOSED, EnumSet.noneOf(CaseState.class));
    }

    /**
     * Checks a reported state against the case's current one.
     *
     * @return whether the case changes: false when the state reported is the current one
     * @throws IllegalTransitionException when the case may not go from {@code current} to {@code reported}
     */
    public boolean changes(String gatewayRef, CaseState current, CaseState reported) {
        if (reported == current) {
            return false;
        }
        if (!NEXT.get(current).contains(reported)) {
            throw new IllegalTransitionException(gatewayRef, current, reported);
        }
        return true;
    }
}
