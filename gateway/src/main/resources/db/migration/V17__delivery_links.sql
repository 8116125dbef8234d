-- An operator's retry or replay (重新投递 / 重放) is linked to the attempts it caused. retry_action_id names the
-- operator action that put the message back in line; the next attempt's delivery_attempt row takes it over and it is
-- cleared. replay_action_id names the replay of a delivered message: it stays until the replay is delivered, because
-- every attempt of the replay goes out under its own delivery id, so the receiver's de-duplication (Idempotency-Key,
-- the broker's duplicate id) does not drop the copy it lost.
alter table ledger_message add column retry_action_id bigint;
alter table ledger_message add column replay_action_id bigint;
-- The outbound row of a replay is named sender:messageId:replay-<action>, longer than a first delivery's.
alter table ledger_message alter column message_id set data type varchar(128);
