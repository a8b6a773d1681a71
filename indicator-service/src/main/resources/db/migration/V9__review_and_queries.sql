-- Review decisions on revisions: every transition kept with who, when and why; rows are never updated or deleted.
-- A revision without a decision is SUBMITTED; its newest decision is its state.
create table review_decision (
    id            bigserial     primary key,
    zone_code     varchar(40)   not null,
    period        varchar(4)    not null,
    revision      integer       not null,
    state         varchar(10)   not null check (state in ('APPROVED', 'RETURNED')),
    comment       varchar(2000),
    decided_by    varchar(200)  not null,
    decided_role  varchar(20)   not null,
    decided_at    timestamptz   not null,
    foreign key (zone_code, period, revision) references submission (zone_code, period, revision)
);
create index review_decision_revision_idx on review_decision (zone_code, period, revision, id);

-- A returned return's comments on single values, by indicator code.
create table review_value_comment (
    decision_id bigint        not null references review_decision (id),
    indicator   varchar(40)   not null,
    comment     varchar(2000) not null,
    primary key (decision_id, indicator)
);

-- Queries on one value of a revision: raised by a reviewer or analyst, answered by the province, closed by the raiser
-- (or an admin); open until closed.
create table value_query (
    id           bigserial    primary key,
    zone_code    varchar(40)  not null,
    period       varchar(4)   not null,
    revision     integer      not null,
    indicator    varchar(40)  not null,
    status       varchar(10)  not null check (status in ('OPEN', 'CLOSED')),
    warning_code varchar(40),
    raised_by    varchar(200) not null,
    raised_at    timestamptz  not null,
    foreign key (zone_code, period, revision) references submission (zone_code, period, revision)
);
create index value_query_zone_idx on value_query (zone_code, period) where status <> 'CLOSED';

-- What was said on a query, in order: raised, answered (any number of times), closed; never updated.
create table value_query_message (
    id         bigserial     primary key,
    query_id   bigint        not null references value_query (id),
    kind       varchar(10)   not null check (kind in ('RAISED', 'ANSWERED', 'CLOSED')),
    text       varchar(2000),
    author     varchar(200)  not null,
    written_at timestamptz   not null
);
create index value_query_message_query_idx on value_query_message (query_id, id);
