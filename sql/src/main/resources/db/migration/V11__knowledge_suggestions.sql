-- Knowledge suggestions for the call panel: what an agent most likely needs when the caller went
-- through an IVR node (the deepest node of the path with a rule wins). Administrators edit the rows.
CREATE TABLE kb_suggestion_rule (
  node_code     VARCHAR(32)  NOT NULL COMMENT 'ivr_node.code',
  query         VARCHAR(100) NOT NULL COMMENT 'searched like an agent''s query (synonyms apply)',
  category_code VARCHAR(32)  NULL COMMENT 'kb_category.code to stay within, or NULL',
  PRIMARY KEY (node_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO kb_suggestion_rule (node_code, query, category_code) VALUES
  ('BILL',           '电费 账单 缴费 欠费',   NULL),
  ('STATEMENT',      '电费账单 阶梯电价 估抄', 'BILLING'),
  ('FAULT',          '停电 跳闸 报修',        NULL),
  ('FAULT_NO_POWER', '家里停电 跳闸 漏电保护器', 'FAULT'),
  ('FAULT_AREA',     '停电 恢复供电 抢修 停电信息', 'FAULT'),
  ('FAULT_HAZARD',   '电线 断线 火花 触电 安全', NULL),
  ('FAULT_METER',    '电表 表箱 校验',        'METER'),
  ('STATUS',         '工单 进度 催办',        NULL);
