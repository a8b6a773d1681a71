-- Zone registry: one row per national zone.
create table zone (
    code               varchar(40)  primary key,
    name               varchar(200) not null,
    name_en            varchar(200),
    type               varchar(4)   not null check (type in ('ETDZ', 'BECZ')),
    province           varchar(6)      not null,
    region             varchar(10)  not null check (region in ('EAST', 'CENTRAL', 'NORTHEAST', 'WEST')),
    approved_on        date,
    status             varchar(8)   not null default 'ACTIVE' check (status in ('ACTIVE', 'WARNED', 'EXITED')),
    developed_area_km2 double precision,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index zone_province_idx on zone (province);

-- The revision counter of each zone-period; its row lock orders concurrent submissions of one zone-period.
create table zone_period (
    zone_code       varchar(40) not null references zone (code),
    period          varchar(4)     not null,
    latest_revision integer     not null,
    primary key (zone_code, period)
);

-- Every accepted submission is a new revision; rows are never updated or deleted.
create table submission (
    id                 bigserial    primary key,
    zone_code          varchar(40)  not null references zone (code),
    period             varchar(4)      not null,
    revision           integer      not null,
    status             varchar(12)  not null,
    late               boolean      not null,
    received_at        timestamptz  not null,
    submitted_by       varchar(200) not null,
    submitter_province varchar(6),
    unique (zone_code, period, revision)
);
create index submission_received_idx on submission (received_at);

create table submission_value (
    submission_id bigint           not null references submission (id),
    position      integer          not null,
    indicator     varchar(40)      not null,
    value         double precision not null,
    provisional   boolean          not null,
    note          varchar(500),
    primary key (submission_id, indicator)
);

-- Transactional outbox: written in the transaction that stores the fact, published to Kafka by the relay.
create table outbox (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    message_key  varchar(100) not null,
    event_type   varchar(100) not null,
    subject      varchar(100) not null,
    schema_version integer    not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    published_at timestamptz
);
create index outbox_unpublished_idx on outbox (id) where published_at is null;
