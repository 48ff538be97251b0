-- Who attached a file to an article and when; files live under the application's data directory.
ALTER TABLE kb_attachment
  ADD COLUMN uploaded_by VARCHAR(64) NULL,
  ADD COLUMN uploaded_at DATETIME(3) NULL,
  ADD KEY ix_kb_attachment_article (article_id);
