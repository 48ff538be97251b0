-- What the login throttle did and who lifted it: a person or an address held back after failed logins (BACKOFF),
-- locked for a while (LOCKED), or unlocked early by an administrator (UNLOCKED). Kept for the security officer;
-- single failed logins go to the server log only, so a flood of them cannot fill this table.
CREATE TABLE security_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at  DATETIME(3)   NOT NULL,
  kind         VARCHAR(16)   NOT NULL COMMENT 'BACKOFF, LOCKED, UNLOCKED',
  subject_type VARCHAR(8)    NOT NULL COMMENT 'USER or ADDRESS',
  subject      VARCHAR(64)   NOT NULL COMMENT 'the user name as typed (lower case) or the client address',
  failures     INT           NOT NULL,
  until_at     DATETIME(3)   NULL     COMMENT 'end of the back-off or lock',
  actor        VARCHAR(64)   NULL     COMMENT 'the administrator who unlocked',
  PRIMARY KEY (id),
  KEY ix_security_event_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
