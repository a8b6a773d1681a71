-- Administrators add indicators to the catalogue through the API. A pillar is any code a methodology may use, no
-- longer one of the plan's five; names and units get the room the API allows.
alter table indicator drop constraint indicator_pillar_check;
alter table indicator alter column pillar type varchar(40);
alter table indicator alter column unit type varchar(40);

-- Who added an indicator and when; null for the plan's catalogue, loaded by migration, which the API does not change.
alter table indicator add column added_by varchar(200);
alter table indicator add column added_at timestamptz;
