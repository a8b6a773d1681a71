-- Uncertainty and sensitivity analyses run as jobs; the result is kept with the snapshot it analysed (none for a
-- simulated data set). updated_at moves with the progress, so a job whose service stopped is recognised as stale.
create table analysis_job (
    id          bigserial    primary key,
    kind        varchar(12)  not null check (kind in ('UNCERTAINTY', 'SENSITIVITY')),
    state       varchar(10)  not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    progress    integer      not null check (progress between 0 and 100),
    zone_type   varchar(4)   not null,
    period      varchar(4),
    snapshot_id bigint       references score_snapshot (id),
    methodology varchar(80)  not null,
    request     text         not null,
    result      text,
    error       text,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    finished_at timestamptz
);
create index analysis_job_active_idx on analysis_job (state) where state in ('QUEUED', 'RUNNING');
create index analysis_job_snapshot_idx on analysis_job (snapshot_id);
