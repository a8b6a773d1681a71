-- An outbox row lives until Kafka acknowledges it, milliseconds when the broker is up. PostgreSQL compresses a text
-- value of more than about 2 kB (a submission's event with 27 values is about that size) when it writes the row and
-- decompresses it when the relay reads it back: CPU spent on a row that is deleted at once. Stored uncompressed
-- (out of line when large, as before).
alter table outbox alter column payload set storage external;
