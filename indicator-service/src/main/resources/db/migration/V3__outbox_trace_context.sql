-- The W3C traceparent of the request that stored the event, sent as the Kafka record's header so the consumer
-- continues the trace. Null for events stored outside a trace (e.g. the catalogue migration).
alter table outbox add column trace_parent varchar(55);
