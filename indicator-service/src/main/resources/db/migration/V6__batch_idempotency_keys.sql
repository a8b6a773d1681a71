-- Idempotency-Key of batches: a resent batch gets the result of the batch first stored under its key (which
-- submissions were stored, with their ids and revisions) and stores nothing again.
create table batch_idempotency_key (
    subject       varchar(200) not null,
    key           varchar(200) not null,
    request_hash  varchar(64)  not null,
    result        text         not null,
    created_at    timestamptz  not null,
    primary key (subject, key)
);
