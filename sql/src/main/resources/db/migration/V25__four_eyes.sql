-- Four eyes: nobody approves a version of an article they wrote themselves. On for every category; a category whose
-- team is one editor can be let off (UPDATE kb_category SET four_eyes = FALSE WHERE code = ...).
ALTER TABLE kb_category ADD COLUMN four_eyes BOOLEAN NOT NULL DEFAULT TRUE;
