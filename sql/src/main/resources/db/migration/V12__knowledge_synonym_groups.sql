-- A breaker tripping is not the same complaint as an outage: 跳闸 gets its own group with the words
-- callers use for the switch itself.
DELETE FROM kb_synonym WHERE group_code = 'OUTAGE' AND term = '跳闸';
INSERT INTO kb_synonym (group_code, term) VALUES
  ('TRIP', '跳闸'), ('TRIP', '空开'), ('TRIP', '空气开关'), ('TRIP', '漏电保护器'), ('TRIP', '漏保'),
  ('OPEN', '开户'), ('OPEN', '新装'), ('OPEN', '报装'), ('OPEN', '装表');
