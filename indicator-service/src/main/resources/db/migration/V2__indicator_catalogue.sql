-- The indicator catalogue: every raw indicator a province submits (domain.md), with the rules it is checked by.
create table indicator (
    code          varchar(40)  primary key,
    name          varchar(200) not null,
    name_en       varchar(200) not null,
    unit          varchar(20)  not null,
    pillar        varchar(20)  not null check (pillar in ('economy', 'innovation', 'environment', 'society', 'institutions', 'denominator')),
    value_type    varchar(10)  not null check (value_type in ('NUMBER', 'COUNT', 'PERCENT', 'YES_NO')),
    min_value     double precision not null,
    max_value     double precision,
    applies_etdz  boolean      not null,
    applies_becz  boolean      not null,
    required      boolean      not null,
    updated_at    timestamptz  not null default now()
);

insert into indicator (code, name, name_en, unit, pillar, value_type, min_value, max_value, applies_etdz, applies_becz, required) values
 ('GDP',             '地区生产总值',                 'Gross regional product',                      '亿元',       'economy',      'NUMBER',  0, null, true,  true,  true),
 ('IND_VA',          '工业增加值',                   'Industrial value added',                      '亿元',       'economy',      'NUMBER',  0, null, true,  true,  false),
 ('IND_OUTPUT',      '工业总产值',                   'Gross industrial output',                     '亿元',       'economy',      'NUMBER',  0, null, true,  true,  false),
 ('SERV_VA',         '服务业增加值',                 'Services value added',                        '亿元',       'economy',      'NUMBER',  0, null, true,  true,  false),
 ('TAX',             '税收收入',                     'Tax revenue',                                 '亿元',       'economy',      'NUMBER',  0, null, true,  true,  true),
 ('FDI',             '实际利用外资',                 'Foreign direct investment actually used',     '亿美元',     'economy',      'NUMBER',  0, null, true,  true,  false),
 ('EXPORTS',         '出口总额',                     'Exports',                                     '亿美元',     'economy',      'NUMBER',  0, null, true,  true,  false),
 ('TRADE',           '进出口总额',                   'Imports and exports',                         '亿美元',     'economy',      'NUMBER',  0, null, true,  true,  false),
 ('BORDER_TRADE',    '边境贸易额',                   'Border trade',                                '亿美元',     'economy',      'NUMBER',  0, null, false, true,  false),
 ('PORT_THROUGHPUT', '口岸通关量',                   'Port crossings',                              '万人次',     'economy',      'NUMBER',  0, null, false, true,  false),
 ('RD_EXP',          '研发投入',                     'R&D expenditure',                             '亿元',       'innovation',   'NUMBER',  0, null, true,  true,  false),
 ('HT_OUTPUT',       '高新技术企业工业产值',         'Industrial output of high-tech enterprises',  '亿元',       'innovation',   'NUMBER',  0, null, true,  true,  false),
 ('HT_TRADE',        '高新技术产品进出口额',         'High-tech products imports and exports',      '亿美元',     'innovation',   'NUMBER',  0, null, true,  true,  false),
 ('RD_CENTERS',      '省级及以上研发中心数',         'R&D centres of provincial level and above',   'count',      'innovation',   'COUNT',   0, null, true,  true,  false),
 ('HT_FIRMS',        '高新技术企业数',               'High-tech enterprises',                       'count',      'innovation',   'COUNT',   0, null, true,  true,  false),
 ('GRADUATES',       '大专以上学历从业人员',         'Employees with tertiary education',           '万人',       'innovation',   'NUMBER',  0, null, true,  true,  false),
 ('ENERGY',          '综合能源消费量',               'Total energy consumption',                    '万吨标准煤', 'environment',  'NUMBER',  0, null, true,  true,  false),
 ('SO2',             '二氧化硫排放量',               'Sulphur dioxide emissions',                   '吨',         'environment',  'NUMBER',  0, null, true,  true,  false),
 ('COD',             '化学需氧量排放量',             'Chemical oxygen demand emissions',            '吨',         'environment',  'NUMBER',  0, null, true,  true,  false),
 ('ISO14000',        '通过ISO14000认证',             'ISO 14000 certified',                         'yes/no',     'environment',  'YES_NO',  0, 1,    true,  true,  false),
 ('ECO_PARK',        '国家生态工业示范园区',         'National eco-industrial demonstration park',  'yes/no',     'environment',  'YES_NO',  0, 1,    true,  true,  false),
 ('EMPLOYEES',       '从业人员',                     'Employees',                                   '万人',       'society',      'NUMBER',  0, null, true,  true,  true),
 ('SOCIAL_INS',      '社会保险覆盖率',               'Social insurance coverage',                   '%',          'society',      'PERCENT', 0, 100,  true,  true,  false),
 ('SAFETY_ACC',      '较大及以上安全生产事故',       'Major work-safety accidents',                 'count',      'society',      'COUNT',   0, null, true,  true,  false),
 ('LEGAL_BASIS',     '管理体制有地方性法规或规章依据', 'Management system grounded in local law',   'yes/no',     'institutions', 'YES_NO',  0, 1,    true,  true,  false),
 ('ONE_STOP',        '一站式行政服务',               'One-stop administrative service',             'yes/no',     'institutions', 'YES_NO',  0, 1,    true,  true,  false),
 ('APPROVAL_DAYS',   '项目审批平均时限',             'Average project approval time',               'days',       'institutions', 'NUMBER',  0, null, true,  true,  false),
 ('ONLINE_RATE',     '网上办理事项比例',             'Share of matters handled online',             '%',          'institutions', 'PERCENT', 0, 100,  true,  true,  false),
 ('AREA_BUILT',      '已开发面积',                   'Developed area',                              'km²',        'denominator',  'NUMBER',  0, null, true,  true,  false);

-- Publish the catalogue to indicators.v1 through the outbox, in the transaction that loads it.
insert into outbox (event_id, topic, message_key, event_type, subject, schema_version, occurred_at, payload)
select gen_random_uuid(), 'indicators.v1', code, 'cn.etdz.indicator.defined', code, 1, now(),
       json_build_object(
           'code', code, 'name', name, 'nameEn', name_en, 'unit', unit, 'pillar', pillar, 'valueType', value_type,
           'minValue', min_value, 'maxValue', max_value,
           'appliesTo', (select coalesce(json_agg(t), '[]'::json) from unnest(array[
                case when applies_etdz then 'ETDZ' end, case when applies_becz then 'BECZ' end]) t where t is not null),
           'required', required)::text
from indicator order by code;

-- Warnings of the soft (plausibility) checks, stored with the submission they concern.
create table submission_warning (
    submission_id bigint       not null references submission (id),
    position      integer      not null,
    field         varchar(60)  not null,
    code          varchar(40)  not null,
    message       varchar(500) not null,
    primary key (submission_id, position)
);

-- Idempotency-Key of accepted submissions: a retry with the same key and body gets the original answer.
create table idempotency_key (
    subject       varchar(200) not null,
    key           varchar(200) not null,
    request_hash  varchar(64)  not null,
    submission_id bigint       references submission (id),
    created_at    timestamptz  not null,
    primary key (subject, key)
);

-- Reads of the newest revision of each zone-period (time series, peer statistics, timeliness).
create index submission_zone_period_idx on submission (period, zone_code);
