-- A warning keeps its message as key and arguments, so it is read back in the reader's language. Rows stored before
-- have no key: their English message is shown as it was stored.
alter table submission_warning add column message_key varchar(100);
alter table submission_warning add column message_args text[];
