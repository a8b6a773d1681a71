-- Reference data learned from the compacted topics zones.v1 and indicators.v1 (event-carried state).
create table zone (
    code               varchar(40)  primary key,
    name               varchar(200),
    type               varchar(4)   not null check (type in ('ETDZ', 'BECZ')),
    province           varchar(6)   not null,
    region             varchar(10)  not null check (region in ('EAST', 'CENTRAL', 'NORTHEAST', 'WEST')),
    status             varchar(10)  not null,
    developed_area_km2 double precision,
    changed_at         timestamptz  not null
);

create table indicator (
    code       varchar(40)  primary key,
    name       varchar(200),
    unit       varchar(40),
    pillar     varchar(20),
    value_type varchar(10),
    applies_to varchar(20)  not null,
    required   boolean      not null,
    changed_at timestamptz  not null
);

-- Versioned methodologies: one id scores one zone type; a new POST is a new version, rows are never updated.
create table methodology (
    id          varchar(60)  not null,
    version     integer      not null check (version > 0),
    zone_type   varchar(4)   not null check (zone_type in ('ETDZ', 'BECZ')),
    definition  text         not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    primary key (id, version)
);
create index methodology_type_idx on methodology (zone_type, created_at desc);

-- Every computation of a peer group (zone type × period): never updated, never deleted.
create table score_snapshot (
    id                  bigserial    primary key,
    zone_type           varchar(4)   not null,
    period              varchar(4)   not null,
    methodology_id      varchar(60)  not null,
    methodology_version integer      not null,
    computed_at         timestamptz  not null,
    fingerprint         varchar(64)  not null,
    zone_count          integer      not null,
    ranked_count        integer      not null,
    foreign key (methodology_id, methodology_version) references methodology (id, version)
);
create index score_snapshot_group_idx on score_snapshot (zone_type, period, computed_at desc);

create table zone_score (
    snapshot_id       bigint           not null references score_snapshot (id),
    zone_code         varchar(40)      not null,
    province          varchar(6)       not null,
    region            varchar(10)      not null,
    region_group      varchar(20)      not null,
    composite         double precision,
    economy           double precision,
    innovation        double precision,
    environment       double precision,
    society           double precision,
    institutions      double precision,
    national_rank     integer,
    region_rank       integer,
    region_group_size integer          not null,
    coverage          double precision not null,
    revision          integer          not null,
    previous_revision integer,
    explanation       text             not null,
    primary key (snapshot_id, zone_code)
);
create index zone_score_zone_idx on zone_score (zone_code, snapshot_id);

-- Transactional outbox for scores.v1, written in the transaction that stores the snapshot.
create table outbox (
    id             bigserial    primary key,
    event_id       uuid         not null unique,
    topic          varchar(100) not null,
    message_key    varchar(100) not null,
    event_type     varchar(100) not null,
    subject        varchar(100) not null,
    schema_version integer      not null,
    occurred_at    timestamptz  not null,
    payload        text         not null,
    published_at   timestamptz
);
create index outbox_unpublished_idx on outbox (id) where published_at is null;
