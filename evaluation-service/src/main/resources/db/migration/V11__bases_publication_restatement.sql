-- Two bases of every score: preliminary (the newest revision of each zone-period, as before) and official (the
-- newest approved revision only, learned from reviews.v1).

-- Every revision's values, not only the newest: the official basis keeps an approved revision while a newer one waits
-- for approval, and an approval may arrive before its revision's values. Filled from here on by the consumer; the
-- newest revisions already held are its first rows.
create table revision_input (
    zone_code        varchar(40)        not null,
    period           varchar(4)         not null,
    revision         integer            not null,
    submission_id    bigint             not null,
    late             boolean            not null,
    received_at      timestamptz        not null,
    indicators       varchar(40)[]      not null,
    indicator_values double precision[] not null,
    provisional      boolean[]          not null,
    primary key (period, zone_code, revision)
);
insert into revision_input (zone_code, period, revision, submission_id, late, received_at, indicators,
                            indicator_values, provisional)
select zone_code, period, revision, submission_id, late, received_at, indicators, indicator_values, provisional
from zone_period_input;

-- The newest approved revision of each zone-period (its values are in revision_input once they have arrived). A
-- withdrawn approval (the same revision returned later) deletes its row.
create table approval (
    zone_code  varchar(40)  not null,
    period     varchar(4)   not null,
    revision   integer      not null,
    decided_by varchar(100),
    decided_at timestamptz  not null,
    event_id   varchar(64)  not null,
    primary key (period, zone_code)
);

-- Each period's state as last learned from periods.v1 (a period never closed has no row).
create table period_state (
    period     varchar(4)  primary key,
    state      varchar(10) not null check (state in ('CLOSED', 'REOPENED')),
    changed_at timestamptz not null,
    event_id   varchar(64) not null
);

-- A snapshot is of one basis; every snapshot before this migration scored the newest revisions. An official snapshot
-- is published when its period closes; a later official snapshot of a published period restates the published one.
-- A zone without an approved revision is in an official snapshot, unranked, with revision 0 in zone_score.
alter table score_snapshot
    add column basis        varchar(12) not null default 'preliminary' check (basis in ('official', 'preliminary')),
    add column published_at timestamptz,
    add column restates     bigint references score_snapshot (id);
drop index score_snapshot_group_idx;
create index score_snapshot_group_idx on score_snapshot (zone_type, period, basis, computed_at desc);
