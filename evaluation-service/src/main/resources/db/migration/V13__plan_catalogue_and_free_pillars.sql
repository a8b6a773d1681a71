-- A pillar is any code a methodology may use, no longer one of the plan's five.
alter table indicator alter column pillar type varchar(40);

-- The plan's catalogue, as the indicator service publishes it to indicators.v1 at its first start: a methodology of the
-- plan's codes can be posted before this service has read the topic. Dated at the beginning of time, so every event
-- of indicators.v1 replaces these rows (ReferenceUpdater keeps the newer state).
insert into indicator (code, name, unit, pillar, value_type, applies_to, required, changed_at) values
 ('GDP', '地区生产总值', '亿元', 'economy', 'NUMBER', 'ETDZ,BECZ', true, '-infinity'),
 ('IND_VA', '工业增加值', '亿元', 'economy', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('IND_OUTPUT', '工业总产值', '亿元', 'economy', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('SERV_VA', '服务业增加值', '亿元', 'economy', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('TAX', '税收收入', '亿元', 'economy', 'NUMBER', 'ETDZ,BECZ', true, '-infinity'),
 ('FDI', '实际利用外资', '亿美元', 'economy', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('EXPORTS', '出口总额', '亿美元', 'economy', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('TRADE', '进出口总额', '亿美元', 'economy', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('BORDER_TRADE', '边境贸易额', '亿美元', 'economy', 'NUMBER', 'BECZ', false, '-infinity'),
 ('PORT_THROUGHPUT', '口岸通关量', '万人次', 'economy', 'NUMBER', 'BECZ', false, '-infinity'),
 ('RD_EXP', '研发投入', '亿元', 'innovation', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('HT_OUTPUT', '高新技术企业工业产值', '亿元', 'innovation', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('HT_TRADE', '高新技术产品进出口额', '亿美元', 'innovation', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('RD_CENTERS', '省级及以上研发中心数', 'count', 'innovation', 'COUNT', 'ETDZ,BECZ', false, '-infinity'),
 ('HT_FIRMS', '高新技术企业数', 'count', 'innovation', 'COUNT', 'ETDZ,BECZ', false, '-infinity'),
 ('GRADUATES', '大专以上学历从业人员', '万人', 'innovation', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('ENERGY', '综合能源消费量', '万吨标准煤', 'environment', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('SO2', '二氧化硫排放量', '吨', 'environment', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('COD', '化学需氧量排放量', '吨', 'environment', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('ISO14000', '通过ISO14000认证', 'yes/no', 'environment', 'YES_NO', 'ETDZ,BECZ', false, '-infinity'),
 ('ECO_PARK', '国家生态工业示范园区', 'yes/no', 'environment', 'YES_NO', 'ETDZ,BECZ', false, '-infinity'),
 ('EMPLOYEES', '从业人员', '万人', 'society', 'NUMBER', 'ETDZ,BECZ', true, '-infinity'),
 ('SOCIAL_INS', '社会保险覆盖率', '%', 'society', 'PERCENT', 'ETDZ,BECZ', false, '-infinity'),
 ('SAFETY_ACC', '较大及以上安全生产事故', 'count', 'society', 'COUNT', 'ETDZ,BECZ', false, '-infinity'),
 ('LEGAL_BASIS', '管理体制有地方性法规或规章依据', 'yes/no', 'institutions', 'YES_NO', 'ETDZ,BECZ', false, '-infinity'),
 ('ONE_STOP', '一站式行政服务', 'yes/no', 'institutions', 'YES_NO', 'ETDZ,BECZ', false, '-infinity'),
 ('APPROVAL_DAYS', '项目审批平均时限', 'days', 'institutions', 'NUMBER', 'ETDZ,BECZ', false, '-infinity'),
 ('ONLINE_RATE', '网上办理事项比例', '%', 'institutions', 'PERCENT', 'ETDZ,BECZ', false, '-infinity'),
 ('AREA_BUILT', '已开发面积', 'km²', 'denominator', 'NUMBER', 'ETDZ,BECZ', false, '-infinity')
on conflict (code) do nothing;
