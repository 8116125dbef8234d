-- Delivery is driven by the ledger: an inbound row in ACCEPTED or AWAITING_RETRY is an obligation to deliver, written in
-- the same transaction as the row itself (a transactional outbox). The broker's delivery queue only carries nudges
-- that may be lost or repeated; the sweeper re-dispatches whatever is due and nobody holds.
alter table ledger_message add column attempts integer default 0 not null;      -- delivery attempts made
alter table ledger_message add column due_at timestamp with time zone;            -- when the sweeper must dispatch it
alter table ledger_message add column claimed_until timestamp with time zone;     -- lease of the attempt holding it
alter table ledger_message add column retry_until timestamp with time zone;       -- after this a transient failure fails

create index ix_ledger_message_due on ledger_message (state, due_at);
-- Nothing reads by (state, updated_at), and every state change rewrote it: one index less to write per commit.
drop index ix_ledger_message_state;

-- Spring Integration's JdbcLockRegistry (schema as shipped with spring-integration-jdbc 6.5): the sweeper's lock.
create table int_lock (
    lock_key      char(36)     not null,
    region        varchar(100) not null,
    client_id     char(36),
    created_date  timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
