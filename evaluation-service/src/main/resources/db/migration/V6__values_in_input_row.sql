-- A zone-period's values move into its zone_period_input row, as three parallel arrays: in the order submitted for
-- revisions applied from now on, by indicator code for the rows migrated here.
-- Measured during a national import (pg_stat_statements over three rounds of 67 500 values): replacing a revision's
-- values row by row (delete, then insert from arrays) was the database's largest cost, 1.7 s of the evaluation's
-- 2.5 s, about 7 µs a row, because every re-inserted key first met its own dead versions in the primary key.
-- The values are only ever written and read a whole zone-period at a time, so one row each is all they need.
alter table zone_period_input
    add column indicators       varchar(40)[]      not null default '{}',
    add column indicator_values double precision[] not null default '{}',
    add column provisional      boolean[]          not null default '{}';

-- Room left on each page lets a new revision replace its row without touching the index (a HOT update); set before
-- the update below so the rows it writes already leave that room.
alter table zone_period_input set (fillfactor = 50);

-- Values were only ever written in the transaction that wrote their input row, so every value has one to move into.
update zone_period_input i
set indicators = v.indicators, indicator_values = v.indicator_values, provisional = v.provisional
from (select zone_code, period, array_agg(indicator order by indicator) as indicators,
             array_agg(value order by indicator) as indicator_values,
             array_agg(provisional order by indicator) as provisional
      from zone_period_input_value group by zone_code, period) v
where v.zone_code = i.zone_code and v.period = i.period;

drop table zone_period_input_value;

-- Every read of the values is by period (a peer group's recomputation, target attainment), as the old values table's
-- key was.
alter table zone_period_input drop constraint zone_period_input_pkey;
alter table zone_period_input add primary key (period, zone_code);
