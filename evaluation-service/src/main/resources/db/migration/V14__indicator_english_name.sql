-- The indicator's English name (nameEn of indicators.v1), which answers in English name the indicator by.
alter table indicator add column name_en varchar(200);

-- The plan's entries with the English names of the indicator service's catalogue, so that English answers have them
-- before indicators.v1 is read. Rows an event wrote before this column existed get them too; the next event of an
-- indicator replaces its name like every other field.
update indicator set name_en = plan.name_en
from (values
 ('GDP', 'Gross regional product'),
 ('IND_VA', 'Industrial value added'),
 ('IND_OUTPUT', 'Gross industrial output'),
 ('SERV_VA', 'Services value added'),
 ('TAX', 'Tax revenue'),
 ('FDI', 'Foreign direct investment actually used'),
 ('EXPORTS', 'Exports'),
 ('TRADE', 'Imports and exports'),
 ('BORDER_TRADE', 'Border trade'),
 ('PORT_THROUGHPUT', 'Port crossings'),
 ('RD_EXP', 'R&D expenditure'),
 ('HT_OUTPUT', 'Industrial output of high-tech enterprises'),
 ('HT_TRADE', 'High-tech products imports and exports'),
 ('RD_CENTERS', 'R&D centres of provincial level and above'),
 ('HT_FIRMS', 'High-tech enterprises'),
 ('GRADUATES', 'Employees with tertiary education'),
 ('ENERGY', 'Total energy consumption'),
 ('SO2', 'Sulphur dioxide emissions'),
 ('COD', 'Chemical oxygen demand emissions'),
 ('ISO14000', 'ISO 14000 certified'),
 ('ECO_PARK', 'National eco-industrial demonstration park'),
 ('EMPLOYEES', 'Employees'),
 ('SOCIAL_INS', 'Social insurance coverage'),
 ('SAFETY_ACC', 'Major work-safety accidents'),
 ('LEGAL_BASIS', 'Management system grounded in local law'),
 ('ONE_STOP', 'One-stop administrative service'),
 ('APPROVAL_DAYS', 'Average project approval time'),
 ('ONLINE_RATE', 'Share of matters handled online'),
 ('AREA_BUILT', 'Developed area')
) as plan (code, name_en)
where indicator.code = plan.code;
