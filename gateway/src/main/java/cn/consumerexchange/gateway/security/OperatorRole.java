package cn.consumerexchange.gateway.security;

/**
 * What an operator may do (操作员角色). ADMIN includes OPERATOR and AUDITOR; both include VIEWER (see
 * {@link SecurityConfiguration#roleHierarchy()}); who may do which request is in {@link OperatorAccessRules}.
 */
public enum OperatorRole {
    /** Reads transfers, failures, partners and ledgers, personal data masked (查看员). */
    VIEWER,
    /** Also retries, replays, reassigns, switches partners, and unmasks personal data with a reason (值班操作员). */
    OPERATOR,
    /** Also reads the audit trail and unmasks personal data with a reason (审计员). */
    AUDITOR,
    /** Everything, including the actuator and paths no other role is given (管理员). */
    ADMIN;

    /** The Spring Security authority of the role, {@code ROLE_VIEWER} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }
}
