-- Callback surveys (回访): which closed work orders are surveyed and how, as data an administrator changes.
-- Every order of a type listed in always_types is surveyed; of the others, random_percent in a hundred
-- (chosen by a hash of the order number, so a re-run or restart picks the same ones). A score at or below
-- low_score opens a follow-up work order.
CREATE TABLE survey_policy (
  id              BIGINT      NOT NULL AUTO_INCREMENT,
  random_percent  INT         NOT NULL COMMENT '0-100',
  always_types    VARCHAR(120) NOT NULL COMMENT 'work-order types always surveyed, comma separated',
  method          VARCHAR(16) NOT NULL COMMENT 'IVR_CALL (agent task when the order has no phone) or AGENT_TASK',
  low_score       INT         NOT NULL DEFAULT 2,
  active          BOOLEAN     NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  CONSTRAINT ck_survey_policy_percent CHECK (random_percent BETWEEN 0 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO survey_policy (random_percent, always_types, method, low_score) VALUES (20, 'COMPLAINT', 'IVR_CALL', 2);

ALTER TABLE survey
  ADD COLUMN answered_by     VARCHAR(64) NULL COMMENT 'IVR or the agent who recorded the answer' AFTER answered_at,
  ADD COLUMN outcome         VARCHAR(64) NULL COMMENT 'why a survey was not answered (NO_ANSWER, BUSY, ...)',
  ADD COLUMN job_execution_id BIGINT     NULL,
  ADD KEY ix_survey_status (status, method, sampled_at);
