-- An import looks up the stored contacts of its file's names (issue 14): by this index, not by
-- reading the 100,000 contacts' keys.
CREATE INDEX `contacts_name_key_idx` ON `contacts` (`name_key`) WHERE "contacts"."erased_at" IS NULL;