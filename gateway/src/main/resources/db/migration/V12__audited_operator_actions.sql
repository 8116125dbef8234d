-- Every operator action says why it was done, and whether it was done or refused: an attempt the operator's role does
-- not allow is kept as DENIED beside the actions that were carried out (操作审计).
alter table operator_action add column reason varchar(2000);
alter table operator_action add column outcome varchar(16) default 'DONE' not null;

create index ix_operator_action_acted_at on operator_action (acted_at);
