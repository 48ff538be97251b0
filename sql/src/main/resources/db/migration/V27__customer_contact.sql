-- A contact with a customer that was not a call through the ACD: someone at the counter, an e-mail, a letter, a
-- callback the agent made, a web form read by staff. Each is recorded from the customer's page with what was said,
-- and the work order it opened or added to, if any. The request key makes a double click one contact.
CREATE TABLE customer_contact (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  request_key    VARCHAR(64)   NOT NULL COMMENT 'idempotency key of the form that recorded it',
  customer_id    BIGINT        NOT NULL,
  channel        VARCHAR(16)   NOT NULL COMMENT 'WALK_IN, EMAIL, LETTER, CALLBACK, WEB, PHONE',
  summary        VARCHAR(2000) NOT NULL,
  work_order_no  VARCHAR(24)   NULL COMMENT 'the order this contact opened or added to',
  order_outcome  VARCHAR(16)   NULL COMMENT 'OPENED or NOTED',
  created_at     DATETIME(3)   NOT NULL,
  created_by     VARCHAR(64)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_customer_contact_request (request_key),
  KEY ix_customer_contact_customer (customer_id, created_at),
  CONSTRAINT fk_customer_contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the customer's open orders, newest first, paged on their page
ALTER TABLE work_order ADD KEY ix_work_order_customer_state (customer_id, state, created_at);
