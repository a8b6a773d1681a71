-- The W3C traceparent of the recomputation that stored the snapshot's event, sent as the Kafka record's header so a
-- trace follows a submission to its new scores. Null for events stored outside a trace.
alter table outbox add column trace_parent varchar(55);
