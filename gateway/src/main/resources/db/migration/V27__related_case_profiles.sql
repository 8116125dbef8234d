-- Related cases (并案): a complaint's keys as one row per case (related/CaseKeys, a key a line), written by the intake
-- from the message it has just read and read by case when the case is scored as a candidate. related_case_key keeps
-- only the kinds looked up by value (related/KeyKind#lookedUp): the others (name, address, purchase) were each an entry
-- of ix_related_case_key_newest at a random place, rewritten with its page at every commit, and never looked up there.
-- Cases recorded before this keep all their keys as rows, and are read from there.
create table related_case_profile (
    gateway_ref  varchar(64)   primary key,
    partner      varchar(32)   not null,                 -- the partner that filed it
    received_at  timestamp with time zone not null,      -- when its authority received it: the earlier of a pair leads
    case_keys    varchar(4000) not null
);

insert into related_case_profile (gateway_ref, partner, received_at, case_keys)
select gateway_ref, origin_partner, coalesce(complaint_received_at, received_at), related_keys
  from transfer_case
 where related_keys is not null;

alter table transfer_case drop column related_keys;
alter table transfer_case drop column complaint_received_at;
