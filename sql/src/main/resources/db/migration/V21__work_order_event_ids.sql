-- Work-order events take their ids in blocks from id_sequence (as work orders do), so a transaction's events are
-- written as one batch instead of one INSERT and one id read each. The numbering continues after the events
-- already stored; the column keeps AUTO_INCREMENT but nothing may rely on it any more.
INSERT INTO id_sequence (name, next_value)
SELECT 'WORK_ORDER_EVENT', COALESCE(MAX(id), 0) FROM work_order_event;
