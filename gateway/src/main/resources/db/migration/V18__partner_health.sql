-- Partner health (对接单位运行状况) for every partner in one query per figure, each found through an index:
-- the last delivery to a partner is the newest outbound row under its code (a backward step on this index per
-- partner), and the error rate counts the delivery attempts finished in the last minutes.
create index ix_ledger_message_partner_created on ledger_message (partner_code, direction, created_at);
create index ix_delivery_attempt_finished on delivery_attempt (finished_at);
