-- Jurisdiction (管辖, Order No. 121 art. 13-14) as decided when the case was opened: the rule that decided
-- (transfer/JurisdictionRule, e.g. ART13_PLACE_OF_BUSINESS or ART14_FIRST_RECEIVER), the explanation in Chinese and
-- English with every authority that had jurisdiction, and the other authorities with jurisdiction that are to be told
-- (partner codes, space-separated). Cases opened before this migration have none.
alter table transfer_case add column jurisdiction_rule varchar(48);
alter table transfer_case add column jurisdiction_detail varchar(4000);
alter table transfer_case add column jurisdiction_to_tell varchar(200);
