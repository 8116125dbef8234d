-- Lookups by key read the newest cases first and stop at their limit: the index holds received_at newest first and the
-- case's reference, so a key many cases share (a respondent with thousands of complaints a day) costs a read of the
-- limit, not of every case holding it. Queries order by the index's columns (key_kind, key_value, received_at desc):
-- H2 reads an index in its own order only.
drop index ix_related_case_key_value;
create index ix_related_case_key_newest on related_case_key (key_kind, key_value, received_at desc, gateway_ref);
