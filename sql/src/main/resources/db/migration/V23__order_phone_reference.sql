-- A short reference a caller can hear and key in on the phone: six digits per work order, unique among the open
-- orders (the primary key), taken over by a new order once its holder is closed or cancelled. The IVR reads it back
-- after a fault report and asks for it to tell an order's state, to a caller whose number is the order's.
CREATE TABLE order_phone_ref (
  ref            CHAR(6)     NOT NULL COMMENT 'six digits, random for new orders',
  work_order_id  BIGINT      NOT NULL,
  assigned_at    DATETIME(6) NOT NULL,
  PRIMARY KEY (ref),
  UNIQUE KEY uk_order_phone_ref_order (work_order_id),
  CONSTRAINT fk_order_phone_ref_order FOREIGN KEY (work_order_id) REFERENCES work_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Orders open now get one each: (id * 7919 + 104729) mod 10^6 differs for every id below a million, as 7919 shares
-- no factor with 10^6.
INSERT INTO order_phone_ref (ref, work_order_id, assigned_at)
SELECT LPAD(MOD(id * 7919 + 104729, 1000000), 6, '0'), id, CURRENT_TIMESTAMP(6)
  FROM work_order WHERE state NOT IN ('CLOSED', 'CANCELLED') AND id < 1000000;
