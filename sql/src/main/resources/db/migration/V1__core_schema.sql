-- Core schema of the contact center: organisation, customers and billing, contact center, work orders,
-- knowledge base, outages, voicemail, batch bookkeeping and messaging. utf8mb4 throughout; InnoDB for
-- transactions and foreign keys. Times are stored in UTC (DATETIME(3)), calendar days as DATE.

-- ---------------------------------------------------------------- organisation and security
CREATE TABLE service_area (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  code          VARCHAR(32)  NOT NULL,
  name          VARCHAR(100) NOT NULL,
  district      VARCHAR(100) NOT NULL,
  area_type     VARCHAR(16)  NOT NULL COMMENT 'URBAN, RURAL or REMOTE: drives SLA targets',
  parent_id     BIGINT       NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_service_area_code (code),
  CONSTRAINT fk_service_area_parent FOREIGN KEY (parent_id) REFERENCES service_area (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE department (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  code            VARCHAR(32)  NOT NULL,
  name            VARCHAR(100) NOT NULL,
  kind            VARCHAR(16)  NOT NULL COMMENT 'DEPARTMENT or CREW',
  service_area_id BIGINT       NULL,
  phone           VARCHAR(20)  NULL,
  email           VARCHAR(120) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_department_code (code),
  CONSTRAINT fk_department_area FOREIGN KEY (service_area_id) REFERENCES service_area (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  username       VARCHAR(64)  NOT NULL,
  password_hash  VARCHAR(255) NOT NULL COMMENT 'PBKDF2 in the Jakarta Security format algorithm:iterations:salt:hash',
  display_name   VARCHAR(100) NOT NULL,
  locale         VARCHAR(10)  NOT NULL DEFAULT 'zh_CN',
  enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
  department_id  BIGINT       NULL,
  created_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_app_user_username (username),
  CONSTRAINT fk_app_user_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
  user_id    BIGINT      NOT NULL,
  role_name  VARCHAR(32) NOT NULL COMMENT 'AGENT, SUPERVISOR, ADMIN, EDITOR, CREW',
  PRIMARY KEY (user_id, role_name),
  CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- customers, supply and billing
CREATE TABLE customer (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  customer_no         VARCHAR(20)  NOT NULL,
  name                VARCHAR(100) NOT NULL,
  customer_type       VARCHAR(16)  NOT NULL COMMENT 'RESIDENTIAL, COMMERCIAL or INDUSTRIAL',
  mobile_phone        VARCHAR(20)  NULL,
  other_phone         VARCHAR(20)  NULL,
  email               VARCHAR(120) NULL,
  preferred_language  VARCHAR(10)  NOT NULL DEFAULT 'zh_CN',
  vip                 BOOLEAN      NOT NULL DEFAULT FALSE,
  do_not_disturb      BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at          DATETIME(3)  NOT NULL,
  version             BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_customer_no (customer_no),
  KEY ix_customer_mobile (mobile_phone),
  KEY ix_customer_other_phone (other_phone),
  KEY ix_customer_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariff (
  code         VARCHAR(32)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  energy_type  VARCHAR(16)  NOT NULL COMMENT 'ELECTRICITY or GAS',
  unit         VARCHAR(8)   NOT NULL COMMENT 'kWh or m3',
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariff_tier (
  tariff_code  VARCHAR(32)    NOT NULL,
  tier_no      INT            NOT NULL,
  from_units   DECIMAL(12,2)  NOT NULL,
  to_units     DECIMAL(12,2)  NULL COMMENT 'NULL = open-ended top tier',
  unit_price   DECIMAL(10,4)  NOT NULL,
  PRIMARY KEY (tariff_code, tier_no),
  CONSTRAINT fk_tariff_tier_tariff FOREIGN KEY (tariff_code) REFERENCES tariff (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  account_number   CHAR(10)      NOT NULL COMMENT '户号: ten digits, the last a mod-10 check digit',
  customer_id      BIGINT        NOT NULL,
  service_area_id  BIGINT        NOT NULL,
  energy_type      VARCHAR(16)   NOT NULL,
  tariff_code      VARCHAR(32)   NOT NULL,
  supply_address   VARCHAR(255)  NOT NULL,
  status           VARCHAR(16)   NOT NULL COMMENT 'ACTIVE, SUSPENDED or CLOSED',
  opened_on        DATE          NOT NULL,
  balance          DECIMAL(12,2) NOT NULL DEFAULT 0.00 COMMENT 'positive = customer owes',
  version          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_account_number (account_number),
  KEY ix_account_customer (customer_id),
  KEY ix_account_area (service_area_id),
  CONSTRAINT fk_account_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_account_area FOREIGN KEY (service_area_id) REFERENCES service_area (id),
  CONSTRAINT fk_account_tariff FOREIGN KEY (tariff_code) REFERENCES tariff (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE service_point (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  account_id     BIGINT        NOT NULL,
  meter_number   VARCHAR(32)   NOT NULL,
  meter_type     VARCHAR(32)   NOT NULL COMMENT 'SMART_SINGLE_PHASE, SMART_THREE_PHASE, GAS_DIAPHRAGM, ...',
  install_address VARCHAR(255) NOT NULL,
  installed_on   DATE          NOT NULL,
  last_reading   DECIMAL(14,2) NULL,
  last_read_on   DATE          NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_service_point_meter (meter_number),
  KEY ix_service_point_account (account_id),
  CONSTRAINT fk_service_point_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bill (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  bill_no      VARCHAR(24)   NOT NULL,
  account_id   BIGINT        NOT NULL,
  period       CHAR(7)       NOT NULL COMMENT 'billing month, YYYY-MM',
  issue_date   DATE          NOT NULL,
  due_date     DATE          NOT NULL,
  usage_units  DECIMAL(12,2) NOT NULL,
  amount_total DECIMAL(12,2) NOT NULL,
  amount_paid  DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  status       VARCHAR(16)   NOT NULL COMMENT 'ISSUED, PARTIALLY_PAID, PAID, OVERDUE, CANCELLED',
  version      BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_bill_no (bill_no),
  UNIQUE KEY uk_bill_account_period (account_id, period),
  KEY ix_bill_status_due (status, due_date),
  CONSTRAINT fk_bill_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bill_line (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  bill_id     BIGINT        NOT NULL,
  line_no     INT           NOT NULL,
  line_type   VARCHAR(16)   NOT NULL COMMENT 'ENERGY, SURCHARGE, ADJUSTMENT',
  description VARCHAR(120)  NOT NULL,
  quantity    DECIMAL(12,2) NOT NULL,
  unit_price  DECIMAL(10,4) NOT NULL,
  amount      DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_bill_line (bill_id, line_no),
  CONSTRAINT fk_bill_line_bill FOREIGN KEY (bill_id) REFERENCES bill (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payment (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  payment_no  VARCHAR(32)   NOT NULL,
  account_id  BIGINT        NOT NULL,
  bill_id     BIGINT        NULL,
  amount      DECIMAL(12,2) NOT NULL,
  paid_at     DATETIME(3)   NOT NULL,
  channel     VARCHAR(16)   NOT NULL COMMENT 'COUNTER, BANK, WECHAT, ALIPAY, DIRECT_DEBIT',
  reference   VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payment_no (payment_no),
  KEY ix_payment_account_time (account_id, paid_at),
  CONSTRAINT fk_payment_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_payment_bill FOREIGN KEY (bill_id) REFERENCES bill (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bank_mandate (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  account_id         BIGINT       NOT NULL,
  bank_name          VARCHAR(60)  NOT NULL,
  bank_account_last4 CHAR(4)      NOT NULL COMMENT 'only the last four digits are kept',
  holder_name        VARCHAR(100) NOT NULL,
  status             VARCHAR(16)  NOT NULL COMMENT 'ACTIVE or REVOKED',
  signed_on          DATE         NOT NULL,
  revoked_on         DATE         NULL,
  PRIMARY KEY (id),
  KEY ix_bank_mandate_account (account_id),
  CONSTRAINT fk_bank_mandate_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- contact center: agents, skills, queues, calls
CREATE TABLE skill (
  id       BIGINT      NOT NULL AUTO_INCREMENT,
  code     VARCHAR(32) NOT NULL,
  name_zh  VARCHAR(60) NOT NULL,
  name_en  VARCHAR(60) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_skill_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  user_id     BIGINT      NOT NULL,
  agent_no    VARCHAR(16) NOT NULL,
  extension   VARCHAR(16) NOT NULL COMMENT 'the phone extension the desk logs into',
  team        VARCHAR(60) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_agent_user (user_id),
  UNIQUE KEY uk_agent_no (agent_no),
  CONSTRAINT fk_agent_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_skill (
  agent_id     BIGINT  NOT NULL,
  skill_id     BIGINT  NOT NULL,
  proficiency  TINYINT NOT NULL COMMENT '1 (novice) to 10 (expert)',
  PRIMARY KEY (agent_id, skill_id),
  CONSTRAINT ck_agent_skill_proficiency CHECK (proficiency BETWEEN 1 AND 10),
  CONSTRAINT fk_agent_skill_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE,
  CONSTRAINT fk_agent_skill_skill FOREIGN KEY (skill_id) REFERENCES skill (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_state_log (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  agent_id    BIGINT      NOT NULL,
  state       VARCHAR(16) NOT NULL COMMENT 'LOGGED_OUT, READY, NOT_READY, RESERVED, ON_CALL, WRAP_UP',
  reason      VARCHAR(32) NULL,
  started_at  DATETIME(3) NOT NULL,
  ended_at    DATETIME(3) NULL,
  PRIMARY KEY (id),
  KEY ix_agent_state_log_agent_time (agent_id, started_at),
  CONSTRAINT fk_agent_state_log_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE call_queue (
  id                        BIGINT      NOT NULL AUTO_INCREMENT,
  code                      VARCHAR(32) NOT NULL,
  name_zh                   VARCHAR(60) NOT NULL,
  name_en                   VARCHAR(60) NOT NULL,
  skill_id                  BIGINT      NOT NULL,
  service_level_seconds     INT         NOT NULL DEFAULT 20,
  service_level_target_pct  INT         NOT NULL DEFAULT 80,
  max_wait_seconds          INT         NOT NULL DEFAULT 180 COMMENT 'past this the caller is offered a callback or the mailbox',
  PRIMARY KEY (id),
  UNIQUE KEY uk_call_queue_code (code),
  CONSTRAINT fk_call_queue_skill FOREIGN KEY (skill_id) REFERENCES skill (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE call_record (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  call_uid         VARCHAR(64)  NOT NULL COMMENT 'Asterisk uniqueid/linkedid of the call',
  direction        VARCHAR(8)   NOT NULL COMMENT 'INBOUND or OUTBOUND',
  caller_number    VARCHAR(32)  NULL,
  called_number    VARCHAR(32)  NULL,
  customer_id      BIGINT       NULL,
  account_id       BIGINT       NULL,
  queue_id         BIGINT       NULL,
  agent_id         BIGINT       NULL,
  started_at       DATETIME(3)  NOT NULL,
  queued_at        DATETIME(3)  NULL,
  answered_at      DATETIME(3)  NULL,
  ended_at         DATETIME(3)  NULL,
  hangup_cause     VARCHAR(32)  NULL,
  outcome          VARCHAR(24)  NULL COMMENT 'SELF_SERVED, ANSWERED, ABANDONED, VOICEMAIL, CALLBACK, FAILED',
  ivr_path         VARCHAR(255) NULL,
  disposition_code VARCHAR(32)  NULL,
  notes            TEXT         NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_call_record_uid (call_uid),
  KEY ix_call_record_started (started_at),
  KEY ix_call_record_caller (caller_number, started_at),
  KEY ix_call_record_customer (customer_id, started_at),
  CONSTRAINT fk_call_record_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_call_record_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_call_record_queue FOREIGN KEY (queue_id) REFERENCES call_queue (id),
  CONSTRAINT fk_call_record_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE call_ivr_step (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  call_id    BIGINT      NOT NULL,
  seq        INT         NOT NULL,
  node_code  VARCHAR(32) NOT NULL,
  input      VARCHAR(32) NULL COMMENT 'keys pressed, TIMEOUT or INVALID',
  at         DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_call_ivr_step (call_id, seq),
  CONSTRAINT fk_call_ivr_step_call FOREIGN KEY (call_id) REFERENCES call_record (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE voicemail (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  call_id          BIGINT       NULL,
  caller_number    VARCHAR(32)  NULL,
  account_id       BIGINT       NULL,
  recording_path   VARCHAR(255) NOT NULL,
  duration_seconds INT          NOT NULL DEFAULT 0,
  received_at      DATETIME(3)  NOT NULL,
  status           VARCHAR(16)  NOT NULL COMMENT 'NEW, IN_PROGRESS, HANDLED',
  handled_by       BIGINT       NULL,
  handled_at       DATETIME(3)  NULL,
  PRIMARY KEY (id),
  KEY ix_voicemail_status (status, received_at),
  CONSTRAINT fk_voicemail_call FOREIGN KEY (call_id) REFERENCES call_record (id),
  CONSTRAINT fk_voicemail_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_voicemail_handler FOREIGN KEY (handled_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- outages
CREATE TABLE outage_notice (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  service_area_id  BIGINT       NOT NULL,
  kind             VARCHAR(16)  NOT NULL COMMENT 'PLANNED or UNPLANNED',
  energy_type      VARCHAR(16)  NOT NULL,
  starts_at        DATETIME(3)  NOT NULL,
  ends_at          DATETIME(3)  NULL,
  reason_zh        VARCHAR(255) NOT NULL,
  reason_en        VARCHAR(255) NOT NULL,
  status           VARCHAR(16)  NOT NULL COMMENT 'ANNOUNCED, ACTIVE, RESTORED, CANCELLED',
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_outage_area_time (service_area_id, starts_at),
  CONSTRAINT fk_outage_area FOREIGN KEY (service_area_id) REFERENCES service_area (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- work orders
CREATE TABLE incident (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  incident_no      VARCHAR(24)  NOT NULL,
  service_area_id  BIGINT       NOT NULL,
  fault_type       VARCHAR(32)  NOT NULL,
  state            VARCHAR(16)  NOT NULL COMMENT 'OPEN or RESOLVED',
  summary          VARCHAR(255) NOT NULL,
  opened_at        DATETIME(3)  NOT NULL,
  resolved_at      DATETIME(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_incident_no (incident_no),
  KEY ix_incident_area_state (service_area_id, state),
  CONSTRAINT fk_incident_area FOREIGN KEY (service_area_id) REFERENCES service_area (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sla_rule (
  id               BIGINT      NOT NULL AUTO_INCREMENT,
  order_type       VARCHAR(24) NOT NULL,
  priority         VARCHAR(16) NOT NULL,
  area_type        VARCHAR(16) NULL COMMENT 'NULL = any area',
  respond_minutes  INT         NOT NULL,
  resolve_minutes  INT         NOT NULL,
  calendar         VARCHAR(16) NOT NULL COMMENT 'ROUND_THE_CLOCK or BUSINESS_HOURS',
  PRIMARY KEY (id),
  UNIQUE KEY uk_sla_rule (order_type, priority, area_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE routing_rule (
  id               BIGINT      NOT NULL AUTO_INCREMENT,
  order_type       VARCHAR(24) NOT NULL,
  service_area_id  BIGINT      NULL COMMENT 'NULL = any area',
  department_id    BIGINT      NOT NULL,
  rank_no          INT         NOT NULL DEFAULT 100 COMMENT 'lowest rank wins',
  PRIMARY KEY (id),
  KEY ix_routing_rule_type (order_type, service_area_id),
  CONSTRAINT fk_routing_rule_area FOREIGN KEY (service_area_id) REFERENCES service_area (id),
  CONSTRAINT fk_routing_rule_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE business_holiday (
  day          DATE         NOT NULL,
  description  VARCHAR(60)  NOT NULL,
  PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_order (
  id                     BIGINT       NOT NULL AUTO_INCREMENT,
  order_no               VARCHAR(24)  NOT NULL,
  request_key            VARCHAR(64)  NULL COMMENT 'idempotency key of the request that created it',
  order_type             VARCHAR(24)  NOT NULL COMMENT 'FAULT_REPAIR, COMPLAINT, REPORT, INQUIRY, SUGGESTION, NEW_CONNECTION, CAPACITY_INCREASE',
  priority               VARCHAR(16)  NOT NULL COMMENT 'LOW, NORMAL, HIGH, URGENT',
  state                  VARCHAR(16)  NOT NULL COMMENT 'NEW, DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED',
  channel                VARCHAR(16)  NOT NULL COMMENT 'DESK, IVR, PORTAL, API, SMS',
  customer_id            BIGINT       NULL,
  account_id             BIGINT       NULL,
  service_area_id        BIGINT       NULL,
  incident_id            BIGINT       NULL,
  assigned_department_id BIGINT       NULL,
  assigned_user_id       BIGINT       NULL,
  subject                VARCHAR(200) NOT NULL,
  description            TEXT         NULL,
  address                VARCHAR(255) NULL,
  contact_phone          VARCHAR(20)  NULL,
  sla_due_at             DATETIME(3)  NULL,
  sla_paused_since       DATETIME(3)  NULL,
  sla_paused_seconds     BIGINT       NOT NULL DEFAULT 0,
  escalation_level       INT          NOT NULL DEFAULT 0,
  created_at             DATETIME(3)  NOT NULL,
  created_by             VARCHAR(64)  NOT NULL,
  dispatched_at          DATETIME(3)  NULL,
  resolved_at            DATETIME(3)  NULL,
  closed_at              DATETIME(3)  NULL,
  version                BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_work_order_no (order_no),
  UNIQUE KEY uk_work_order_request (request_key),
  KEY ix_work_order_state_due (state, sla_due_at),
  KEY ix_work_order_account (account_id, created_at),
  KEY ix_work_order_area_type (service_area_id, order_type, created_at),
  CONSTRAINT fk_work_order_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_work_order_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_work_order_area FOREIGN KEY (service_area_id) REFERENCES service_area (id),
  CONSTRAINT fk_work_order_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
  CONSTRAINT fk_work_order_department FOREIGN KEY (assigned_department_id) REFERENCES department (id),
  CONSTRAINT fk_work_order_user FOREIGN KEY (assigned_user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_order_event (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  work_order_id  BIGINT       NOT NULL,
  event_type     VARCHAR(24)  NOT NULL COMMENT 'CREATED, ROUTED, DISPATCHED, STARTED, NOTE, RESOLVED, CLOSED, REOPENED, CANCELLED, ESCALATED, NOTIFIED, SLA_WARNING',
  from_state     VARCHAR(16)  NULL,
  to_state       VARCHAR(16)  NULL,
  actor          VARCHAR(64)  NOT NULL,
  channel        VARCHAR(16)  NOT NULL,
  note           TEXT         NULL,
  occurred_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_work_order_event_order (work_order_id, occurred_at),
  CONSTRAINT fk_work_order_event_order FOREIGN KEY (work_order_id) REFERENCES work_order (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_order_attachment (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  work_order_id  BIGINT       NOT NULL,
  file_name      VARCHAR(200) NOT NULL,
  content_type   VARCHAR(100) NOT NULL,
  size_bytes     BIGINT       NOT NULL,
  storage_path   VARCHAR(255) NOT NULL,
  uploaded_by    VARCHAR(64)  NOT NULL,
  uploaded_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_work_order_attachment_order FOREIGN KEY (work_order_id) REFERENCES work_order (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- knowledge base
CREATE TABLE kb_category (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  parent_id  BIGINT      NULL,
  code       VARCHAR(32) NOT NULL,
  name_zh    VARCHAR(60) NOT NULL,
  name_en    VARCHAR(60) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_kb_category_code (code),
  CONSTRAINT fk_kb_category_parent FOREIGN KEY (parent_id) REFERENCES kb_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_article (
  id                BIGINT      NOT NULL AUTO_INCREMENT,
  category_id       BIGINT      NOT NULL,
  state             VARCHAR(16) NOT NULL COMMENT 'DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED',
  audience          VARCHAR(16) NOT NULL COMMENT 'INTERNAL or PUBLIC',
  language          VARCHAR(10) NOT NULL DEFAULT 'zh_CN',
  current_version   INT         NOT NULL DEFAULT 1,
  view_count        BIGINT      NOT NULL DEFAULT 0,
  helpful_count     BIGINT      NOT NULL DEFAULT 0,
  not_helpful_count BIGINT      NOT NULL DEFAULT 0,
  created_by        VARCHAR(64) NOT NULL,
  created_at        DATETIME(3) NOT NULL,
  published_at      DATETIME(3) NULL,
  version           BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_kb_article_state (state, audience),
  CONSTRAINT fk_kb_article_category FOREIGN KEY (category_id) REFERENCES kb_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_article_version (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  article_id   BIGINT       NOT NULL,
  version_no   INT          NOT NULL,
  title        VARCHAR(200) NOT NULL,
  question     TEXT         NULL,
  answer       MEDIUMTEXT   NOT NULL,
  fault_cause  TEXT         NULL,
  solution     TEXT         NULL,
  tags         VARCHAR(255) NULL COMMENT 'comma separated, denormalised for search',
  changed_by   VARCHAR(64)  NOT NULL,
  changed_at   DATETIME(3)  NOT NULL,
  change_note  VARCHAR(255) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_kb_article_version (article_id, version_no),
  CONSTRAINT fk_kb_article_version_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_attachment (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  article_id   BIGINT       NOT NULL,
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  storage_path VARCHAR(255) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_kb_attachment_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_synonym (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  group_code  VARCHAR(32) NOT NULL COMMENT 'terms sharing a group are synonyms',
  term        VARCHAR(60) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_kb_synonym (group_code, term)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- payment reminders, surveys, statistics
CREATE TABLE reminder_policy (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  name                VARCHAR(60)  NOT NULL,
  days_after_due_from INT          NOT NULL,
  days_after_due_to   INT          NOT NULL,
  hour_from           TINYINT      NOT NULL COMMENT 'local hour the window opens, 0-23',
  hour_to             TINYINT      NOT NULL COMMENT 'local hour the window closes, 1-24',
  max_per_bill        INT          NOT NULL,
  channels            VARCHAR(60)  NOT NULL COMMENT 'in order, e.g. SMS,EMAIL,IVR_CALL',
  active              BOOLEAN      NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payment_reminder (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  bill_id     BIGINT       NOT NULL,
  policy_id   BIGINT       NOT NULL,
  window_key  VARCHAR(32)  NOT NULL COMMENT 'policy and day: one reminder per bill per window',
  attempt_no  INT          NOT NULL,
  channel     VARCHAR(16)  NOT NULL,
  status      VARCHAR(16)  NOT NULL COMMENT 'PENDING, SENT, DELIVERED, FAILED, SKIPPED',
  outcome     VARCHAR(255) NULL,
  created_at  DATETIME(3)  NOT NULL,
  sent_at     DATETIME(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payment_reminder_window (bill_id, window_key),
  CONSTRAINT fk_payment_reminder_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
  CONSTRAINT fk_payment_reminder_policy FOREIGN KEY (policy_id) REFERENCES reminder_policy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE survey (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  work_order_id       BIGINT       NOT NULL,
  method              VARCHAR(16)  NOT NULL COMMENT 'IVR_CALL or AGENT_TASK',
  sample_reason       VARCHAR(16)  NOT NULL COMMENT 'RANDOM or RULE',
  status              VARCHAR(16)  NOT NULL COMMENT 'PENDING, IN_PROGRESS, ANSWERED, NO_ANSWER, DECLINED',
  score               TINYINT      NULL,
  comment_text        TEXT         NULL,
  comment_recording   VARCHAR(255) NULL,
  sampled_at          DATETIME(3)  NOT NULL,
  answered_at         DATETIME(3)  NULL,
  follow_up_order_id  BIGINT       NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_survey_work_order (work_order_id),
  CONSTRAINT ck_survey_score CHECK (score IS NULL OR score BETWEEN 1 AND 5),
  CONSTRAINT fk_survey_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
  CONSTRAINT fk_survey_follow_up FOREIGN KEY (follow_up_order_id) REFERENCES work_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE daily_statistic (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  stat_date            DATE          NOT NULL,
  stat_hour            TINYINT       NOT NULL COMMENT '0-23, or -1 for the whole day',
  dimension            VARCHAR(16)   NOT NULL COMMENT 'CENTER, QUEUE, SKILL, SERVICE_TYPE, AGENT',
  dimension_key        VARCHAR(32)   NOT NULL,
  calls_offered        INT           NOT NULL DEFAULT 0,
  calls_answered       INT           NOT NULL DEFAULT 0,
  calls_abandoned      INT           NOT NULL DEFAULT 0,
  answered_within_sl   INT           NOT NULL DEFAULT 0,
  total_wait_seconds   BIGINT        NOT NULL DEFAULT 0,
  total_handle_seconds BIGINT        NOT NULL DEFAULT 0,
  first_contact_resolved INT         NOT NULL DEFAULT 0,
  orders_opened        INT           NOT NULL DEFAULT 0,
  orders_closed        INT           NOT NULL DEFAULT 0,
  orders_breached      INT           NOT NULL DEFAULT 0,
  csat_responses       INT           NOT NULL DEFAULT 0,
  csat_score_sum       INT           NOT NULL DEFAULT 0,
  computed_at          DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_daily_statistic (stat_date, stat_hour, dimension, dimension_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE batch_rejected_item (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  job_name          VARCHAR(64)  NOT NULL,
  job_execution_id  BIGINT       NOT NULL,
  step_name         VARCHAR(64)  NOT NULL,
  item_key          VARCHAR(64)  NOT NULL,
  reason            VARCHAR(500) NOT NULL,
  recorded_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_batch_rejected_execution (job_execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- messaging
CREATE TABLE processed_message (
  message_id    VARCHAR(64)  NOT NULL COMMENT 'the business id carried in the message, not the broker id',
  consumer      VARCHAR(64)  NOT NULL,
  processed_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (consumer, message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE notification_outbox (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  dedup_key     VARCHAR(96)   NOT NULL COMMENT 'one notification per business event and recipient',
  channel       VARCHAR(16)   NOT NULL COMMENT 'SMS, EMAIL, IVR_CALL',
  recipient     VARCHAR(120)  NOT NULL,
  template      VARCHAR(48)   NOT NULL,
  payload       TEXT          NOT NULL COMMENT 'JSON parameters of the template',
  status        VARCHAR(16)   NOT NULL COMMENT 'PENDING, SENT, FAILED',
  attempts      INT           NOT NULL DEFAULT 0,
  last_error    VARCHAR(500)  NULL,
  created_at    DATETIME(3)   NOT NULL,
  sent_at       DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_notification_dedup (dedup_key),
  KEY ix_notification_status (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE id_sequence (
  name        VARCHAR(32) NOT NULL COMMENT 'numbering for human-readable numbers (work orders, incidents)',
  next_value  BIGINT      NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
