-- Retention (保存期限): a payload kept past its period is emptied, the row and its recorded SHA-256 stay. The time of
-- the purge marks the row, so the chain's verification takes the recorded fingerprint for the bytes that are gone
-- (see retention/PayloadRetention and ledger/chain/LedgerContent); what each run purged is in operator_action.
alter table ledger_message add column payload_purged_at timestamp with time zone;
alter table quarantined_input add column payload_purged_at timestamp with time zone;
