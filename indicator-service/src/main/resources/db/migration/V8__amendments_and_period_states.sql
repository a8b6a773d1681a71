-- How a revision was made: REPLACE (the values sent are the whole revision) or AMEND (the values sent changed the
-- newest revision and the others were carried forward). Revisions stored before amendments replaced.
alter table submission add column mode varchar(7) not null default 'REPLACE';
alter table submission add constraint submission_mode_check check (mode in ('REPLACE', 'AMEND'));

-- A period's state; no row (or OPEN) means it was never closed. Submissions read the row with a share lock and a close
-- writes it, so a close and a new revision of its period are ordered.
create table period_state (
    period      varchar(4)   primary key,
    state       varchar(8)   not null check (state in ('OPEN', 'CLOSED', 'REOPENED')),
    changed_by  varchar(200),
    changed_at  timestamptz,
    reason      varchar(500)
);

-- Every close and reopen, kept: who, when, why.
create table period_transition (
    id          bigserial    primary key,
    period      varchar(4)   not null,
    from_state  varchar(8)   not null,
    to_state    varchar(8)   not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    reason      varchar(500) not null
);
create index period_transition_period_idx on period_transition (period, id);
