-- Operators search the ledger (台账查询) by what they know of a message: its origin case number, partner, state, type,
-- error code and time. A rejected complaint opens no case, so the origin case number is kept on the message row itself
-- (written at intake; older rows are found through their case). The error code is the first code of a rejection's
-- reasons (CODE|path|reason, one per line), the one its answer leads with; older rejections are backfilled from there.
alter table ledger_message add column origin_case_number varchar(64);
alter table ledger_message add column error_code varchar(40);

update ledger_message set error_code = substring(reason from 1 for position('|' in reason) - 1)
where state = 'REJECTED' and position('|' in reason) between 2 and 41;

-- Few indexes, each one more write per ledger row: newest first (and time ranges) rides on created_at, where partner,
-- state and type filter the rows read; case number and error code are looked up directly.
create index ix_ledger_message_created on ledger_message (created_at);
create index ix_ledger_message_origin_case on ledger_message (origin_case_number);
create index ix_ledger_message_error_code on ledger_message (error_code);
create index ix_transfer_case_origin_case on transfer_case (origin_case_number);
create index ix_transfer_case_received on transfer_case (received_at);
create index ix_quarantined_input_received on quarantined_input (received_at);
