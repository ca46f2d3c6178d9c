-- Full-text search over contacts: names, organisation name, tags and notes (issue 7).
--
-- Contentless (content='') so the index keeps no second copy of anyone's personal text;
-- contentless_delete=1 lets the triggers delete a row by its rowid (= contacts.id).
-- 'secure-delete' removes a deleted row's tokens from the index instead of leaving delete
-- markers; an erasure also runs 'optimize' so that nothing of the person is left in it.
-- remove_diacritics 2: "Herve" finds "Hervé". No prefix indexes: "dov*" scans a range of terms,
-- cheap at the size of a contact base, while every index would slow down a 50,000-row import
-- that holds the write lock.
CREATE VIRTUAL TABLE `contacts_search` USING fts5(
	name,
	organisation,
	tags,
	notes,
	content='',
	contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `contacts_search`(`contacts_search`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
-- an erased contact (erased_at set) is never indexed
CREATE TRIGGER `contacts_search_after_insert` AFTER INSERT ON `contacts`
WHEN new.erased_at IS NULL
BEGIN
	INSERT INTO `contacts_search`(rowid, name, organisation, tags, notes)
	VALUES (
		new.id,
		trim(coalesce(new.first_name, '') || ' ' || coalesce(new.last_name, '')),
		coalesce((SELECT o.name FROM organisations o WHERE o.id = new.organisation_id), ''),
		new.tags,
		coalesce(new.notes, '')
	);
END;
--> statement-breakpoint
-- also fires for ON DELETE SET NULL of the organisation
CREATE TRIGGER `contacts_search_after_update`
AFTER UPDATE OF first_name, last_name, organisation_id, tags, notes, erased_at ON `contacts`
BEGIN
	DELETE FROM `contacts_search` WHERE rowid = old.id;
	INSERT INTO `contacts_search`(rowid, name, organisation, tags, notes)
	SELECT
		new.id,
		trim(coalesce(new.first_name, '') || ' ' || coalesce(new.last_name, '')),
		coalesce((SELECT o.name FROM organisations o WHERE o.id = new.organisation_id), ''),
		new.tags,
		coalesce(new.notes, '')
	WHERE new.erased_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_after_delete` AFTER DELETE ON `contacts`
BEGIN
	DELETE FROM `contacts_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
-- a renamed organisation is found under its new name (a contentless_delete table is
-- updated whole: delete the rows and index them again)
CREATE TRIGGER `contacts_search_after_organisation_rename`
AFTER UPDATE OF name ON `organisations`
BEGIN
	DELETE FROM `contacts_search`
	WHERE rowid IN (SELECT c.id FROM contacts c WHERE c.organisation_id = new.id);
	INSERT INTO `contacts_search`(rowid, name, organisation, tags, notes)
	SELECT
		c.id,
		trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')),
		new.name,
		c.tags,
		coalesce(c.notes, '')
	FROM contacts c
	WHERE c.organisation_id = new.id AND c.erased_at IS NULL;
END;
--> statement-breakpoint
-- the contacts already there
INSERT INTO `contacts_search`(rowid, name, organisation, tags, notes)
SELECT
	c.id,
	trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')),
	coalesce(o.name, ''),
	c.tags,
	coalesce(c.notes, '')
FROM contacts c
LEFT JOIN organisations o ON o.id = c.organisation_id
WHERE c.erased_at IS NULL;
