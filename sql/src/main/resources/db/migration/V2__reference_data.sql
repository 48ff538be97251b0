-- Reference data every installation starts with. Administrators change it afterwards through the console;
-- nothing in code depends on these exact rows except the codes named in the documentation.

INSERT INTO service_area (code, name, district, area_type, parent_id) VALUES
  ('HZ',       '杭州供电公司',       '杭州市',   'URBAN',  NULL),
  ('HZ-SC',    '上城区供电所',       '上城区',   'URBAN',  1),
  ('HZ-GS',    '拱墅区供电所',       '拱墅区',   'URBAN',  1),
  ('HZ-XH',    '西湖区供电所',       '西湖区',   'URBAN',  1),
  ('HZ-BJ',    '滨江区供电所',       '滨江区',   'URBAN',  1),
  ('HZ-XS',    '萧山区供电所',       '萧山区',   'URBAN',  1),
  ('HZ-YH',    '余杭区供电所',       '余杭区',   'URBAN',  1),
  ('HZ-FY',    '富阳区供电所',       '富阳区',   'RURAL',  1),
  ('HZ-LA',    '临安区供电所',       '临安区',   'RURAL',  1),
  ('HZ-TL',    '桐庐县供电所',       '桐庐县',   'RURAL',  1),
  ('HZ-CA',    '淳安县供电所',       '淳安县',   'REMOTE', 1),
  ('HZ-JD',    '建德市供电所',       '建德市',   'REMOTE', 1);

INSERT INTO department (code, name, kind, service_area_id, phone) VALUES
  ('DISPATCH',   '调度中心',         'DEPARTMENT', 1,  '057100000001'),
  ('MARKETING',  '营销部',           'DEPARTMENT', 1,  '057100000002'),
  ('COMPLAINTS', '客户服务质量部',   'DEPARTMENT', 1,  '057100000003'),
  ('AUDIT',      '用电检查稽查大队', 'DEPARTMENT', 1,  '057100000004'),
  ('BUSINESS',   '业扩报装中心',     'DEPARTMENT', 1,  '057100000005'),
  ('CREW-SC',    '上城抢修班',       'CREW',       2,  '057100000102'),
  ('CREW-GS',    '拱墅抢修班',       'CREW',       3,  '057100000103'),
  ('CREW-XH',    '西湖抢修班',       'CREW',       4,  '057100000104'),
  ('CREW-BJ',    '滨江抢修班',       'CREW',       5,  '057100000105'),
  ('CREW-XS',    '萧山抢修班',       'CREW',       6,  '057100000106'),
  ('CREW-YH',    '余杭抢修班',       'CREW',       7,  '057100000107'),
  ('CREW-FY',    '富阳抢修班',       'CREW',       8,  '057100000108'),
  ('CREW-LA',    '临安抢修班',       'CREW',       9,  '057100000109'),
  ('CREW-TL',    '桐庐抢修班',       'CREW',       10, '057100000110'),
  ('CREW-CA',    '淳安抢修班',       'CREW',       11, '057100000111'),
  ('CREW-JD',    '建德抢修班',       'CREW',       12, '057100000112');

INSERT INTO tariff (code, name, energy_type, unit) VALUES
  ('RES-TIERED', '居民阶梯电价',   'ELECTRICITY', 'kWh'),
  ('COM-FLAT',   '一般工商业电价', 'ELECTRICITY', 'kWh'),
  ('GAS-RES',    '居民管道燃气',   'GAS',         'm3');

INSERT INTO tariff_tier (tariff_code, tier_no, from_units, to_units, unit_price) VALUES
  ('RES-TIERED', 1, 0,    230,  0.5380),
  ('RES-TIERED', 2, 230,  400,  0.5880),
  ('RES-TIERED', 3, 400,  NULL, 0.8380),
  ('COM-FLAT',   1, 0,    NULL, 0.7420),
  ('GAS-RES',    1, 0,    NULL, 2.9500);

INSERT INTO skill (code, name_zh, name_en) VALUES
  ('BILLING',        '电费咨询', 'Bill inquiry'),
  ('FAULT_REPAIR',   '故障报修', 'Fault repair'),
  ('COMPLAINT',      '投诉处理', 'Complaints'),
  ('BUSINESS',       '业扩报装', 'New connections'),
  ('ENGLISH',        '英语服务', 'English'),
  ('VIP',            '大客户',   'VIP customers'),
  ('GAS',            '燃气业务', 'Gas service');

INSERT INTO call_queue (code, name_zh, name_en, skill_id, service_level_seconds, service_level_target_pct, max_wait_seconds) VALUES
  ('Q-BILLING',   '电费咨询队列', 'Billing queue',        1, 20, 80, 180),
  ('Q-FAULT',     '故障报修队列', 'Fault repair queue',   2, 20, 80, 120),
  ('Q-COMPLAINT', '投诉队列',     'Complaints queue',     3, 20, 80, 180),
  ('Q-BUSINESS',  '业扩队列',     'New connection queue', 4, 30, 80, 240),
  ('Q-ENGLISH',   '英语服务队列', 'English queue',        5, 30, 80, 240);

INSERT INTO sla_rule (order_type, priority, area_type, respond_minutes, resolve_minutes, calendar) VALUES
  ('FAULT_REPAIR',      'URGENT', 'URBAN',  45,   240,  'ROUND_THE_CLOCK'),
  ('FAULT_REPAIR',      'URGENT', 'RURAL',  90,   480,  'ROUND_THE_CLOCK'),
  ('FAULT_REPAIR',      'URGENT', 'REMOTE', 120,  720,  'ROUND_THE_CLOCK'),
  ('FAULT_REPAIR',      'NORMAL', 'URBAN',  45,   480,  'ROUND_THE_CLOCK'),
  ('FAULT_REPAIR',      'NORMAL', 'RURAL',  90,   720,  'ROUND_THE_CLOCK'),
  ('FAULT_REPAIR',      'NORMAL', 'REMOTE', 120,  1440, 'ROUND_THE_CLOCK'),
  ('COMPLAINT',         'NORMAL', NULL,     1440, 7200, 'ROUND_THE_CLOCK'),
  ('REPORT',            'NORMAL', NULL,     1440, 7200, 'ROUND_THE_CLOCK'),
  ('INQUIRY',           'NORMAL', NULL,     1440, 4320, 'ROUND_THE_CLOCK'),
  ('SUGGESTION',        'LOW',    NULL,     2880, 14400,'ROUND_THE_CLOCK'),
  ('NEW_CONNECTION',    'NORMAL', NULL,     480,  4800, 'BUSINESS_HOURS'),
  ('CAPACITY_INCREASE', 'NORMAL', NULL,     480,  4800, 'BUSINESS_HOURS');

INSERT INTO routing_rule (order_type, service_area_id, department_id, rank_no)
  SELECT 'FAULT_REPAIR', a.id, d.id, 10 FROM service_area a JOIN department d ON d.service_area_id = a.id AND d.kind = 'CREW';
INSERT INTO routing_rule (order_type, service_area_id, department_id, rank_no) VALUES
  ('FAULT_REPAIR',      NULL, 1, 100),
  ('COMPLAINT',         NULL, 3, 100),
  ('REPORT',            NULL, 4, 100),
  ('INQUIRY',           NULL, 2, 100),
  ('SUGGESTION',        NULL, 3, 100),
  ('NEW_CONNECTION',    NULL, 5, 100),
  ('CAPACITY_INCREASE', NULL, 5, 100);

INSERT INTO business_holiday (day, description) VALUES
  ('2026-01-01', '元旦'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'),
  ('2026-02-19', '春节'), ('2026-02-20', '春节'), ('2026-04-05', '清明节'), ('2026-05-01', '劳动节'),
  ('2026-06-19', '端午节'), ('2026-09-25', '中秋节'), ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'),
  ('2026-10-05', '国庆节'), ('2027-01-01', '元旦');

INSERT INTO kb_category (parent_id, code, name_zh, name_en) VALUES
  (NULL, 'BILLING', '电费电价', 'Bills and tariffs'),
  (NULL, 'FAULT',   '故障停电', 'Faults and outages'),
  (NULL, 'BUSINESS','业扩报装', 'New connections'),
  (NULL, 'SERVICE', '服务规范', 'Service standards'),
  (1,    'PAYMENT', '缴费方式', 'Ways to pay');

INSERT INTO kb_synonym (group_code, term) VALUES
  ('OUTAGE', '停电'), ('OUTAGE', '断电'), ('OUTAGE', '没电'), ('OUTAGE', '跳闸'),
  ('FEE', '电费'), ('FEE', '费用'), ('FEE', '账单'),
  ('METER', '电表'), ('METER', '电能表');

INSERT INTO reminder_policy (name, days_after_due_from, days_after_due_to, hour_from, hour_to, max_per_bill, channels, active) VALUES
  ('逾期首次提醒', 1,  7,  9, 20, 1, 'SMS',              TRUE),
  ('逾期再次提醒', 8,  20, 9, 20, 2, 'SMS,EMAIL',        TRUE),
  ('逾期电话提醒', 21, 45, 10, 18, 1, 'IVR_CALL,SMS',    TRUE);

INSERT INTO id_sequence (name, next_value) VALUES ('WORK_ORDER', 1), ('INCIDENT', 1);
