-- The trace (调用链) a message belongs to: set at intake, from the partner's W3C traceparent when it sent one, and
-- carried on every hop of the message and its answers, so operators can follow it across systems.
alter table ledger_message add column trace_id varchar(32);

create index ix_ledger_message_trace on ledger_message (trace_id);
