-- Events this service has consumed, so a redelivered event is recognised and skipped.
create table applied_event (
    event_id   varchar(64) primary key,
    event_type varchar(100) not null,
    subject    varchar(100) not null,
    outcome    varchar(10)  not null check (outcome in ('APPLIED', 'STALE')),
    applied_at timestamptz  not null
);

-- Read model: the newest revision of each zone-period, as learned from submissions.v1.
create table zone_period_input (
    zone_code     varchar(40) not null,
    period        varchar(4)  not null,
    revision      integer     not null,
    submission_id bigint      not null,
    late          boolean     not null,
    received_at   timestamptz not null,
    event_id      varchar(64) not null,
    applied_at    timestamptz not null,
    primary key (zone_code, period)
);

create table zone_period_input_value (
    zone_code   varchar(40)      not null,
    period      varchar(4)       not null,
    indicator   varchar(40)      not null,
    value       double precision not null,
    provisional boolean          not null,
    primary key (zone_code, period, indicator),
    foreign key (zone_code, period) references zone_period_input (zone_code, period)
);
