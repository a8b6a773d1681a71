-- The zone's English name (nameEn of zones.v1), shown beside the Chinese one in rankings and searched by name.
alter table zone add column name_en varchar(200);
