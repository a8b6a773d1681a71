-- Flags are computed by the methodology's flag rules when a snapshot is written and stored with it, so the flags of a
-- published snapshot never change. Names separated by a space, empty for none; null in rows written before this
-- migration, whose flags are computed on read with their methodology's rules (docs/method.md).
alter table zone_score add column flags varchar(120);

-- The zones of the type that had sent nothing for the period when a snapshot was written, with their flags.
create table zone_not_reported (
    snapshot_id  bigint       not null references score_snapshot (id),
    zone_code    varchar(40)  not null,
    province     varchar(6)   not null,
    region       varchar(10)  not null,
    region_group varchar(40)  not null,
    flags        varchar(120) not null,
    primary key (snapshot_id, zone_code)
);
