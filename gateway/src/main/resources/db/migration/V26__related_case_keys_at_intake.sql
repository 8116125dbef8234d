-- A complaint's related-case keys (并案), kept with its case by the intake from the message it has just read, so the
-- related-case check records them without reading and translating the complaint again. Null for a case that is not a
-- complaint, or one accepted before the intake kept them (the check reads that complaint from the ledger).
alter table transfer_case add column related_keys varchar(4000);                      -- related/CaseKeys, a key a line
alter table transfer_case add column complaint_received_at timestamp with time zone;  -- the complaint's ReceivedAt
