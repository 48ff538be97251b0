-- A file attached to an article is reviewed before customers see it, as the text is: PENDING until an editor (not the
-- uploader, where the category wants four eyes) approves or rejects it; the portal serves APPROVED files only. Files
-- attached before this change were already public and count as approved.
ALTER TABLE kb_attachment
  ADD COLUMN review_state VARCHAR(16) NOT NULL DEFAULT 'APPROVED' COMMENT 'PENDING, APPROVED or REJECTED',
  ADD COLUMN reviewed_by  VARCHAR(64) NULL,
  ADD COLUMN reviewed_at  DATETIME(3) NULL,
  ADD KEY ix_kb_attachment_review (review_state);
ALTER TABLE kb_attachment ALTER COLUMN review_state SET DEFAULT 'PENDING';
