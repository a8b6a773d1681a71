-- Every snapshot stores one explanation per zone: about 5 kB of JSON, 250 of them for a national peer group. PostgreSQL
-- compressed each one (pglz) as it wrote the row. For 250 such rows the insert took 22 ms with compression and 7 ms
-- without (measured on the embedded PostgreSQL 14), and the snapshot writer holds its peer group's lock while it
-- inserts. Uncompressed, an explanation takes about twice the space; reads skip the decompression.
alter table zone_score alter column explanation set storage external;

-- The outbox payload (a snapshot's scores.v1 event, about 25 kB for 250 zones) lives until Kafka acknowledges it:
-- compressing it is CPU spent on a row that is deleted at once.
alter table outbox alter column payload set storage external;
