-- Likely duplicates on stored, indexed keys (issue 14, decision 0030): the folded name, the
-- email and the phone of each contact, and a flag saying whether another live contact shares
-- the email, the name in the same organisation, or the name and the phone. Triggers keep them
-- on every write, whoever writes (forms, imports, merges, erasures), with the functions
-- tektos_name_key / tektos_email_key / tektos_phone_key that every app connection registers
-- (app/utils/contact-keys.ts). Replaces a per-request comparison of every pair of contacts.
DROP INDEX `contacts_email_idx`;--> statement-breakpoint
ALTER TABLE `contacts` ADD `name_key` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `email_key` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `phone_key` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `likely_duplicate` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- the contacts already there (an erased one has no name, email or phone left: no key)
UPDATE `contacts` SET
	`name_key` = tektos_name_key(`first_name`, `last_name`),
	`email_key` = tektos_email_key(`email`),
	`phone_key` = tektos_phone_key(`phone`, `country`)
WHERE `erased_at` IS NULL;--> statement-breakpoint
CREATE INDEX `contacts_email_key_idx` ON `contacts` (`email_key`) WHERE "contacts"."erased_at" IS NULL;--> statement-breakpoint
CREATE INDEX `contacts_organisation_name_key_idx` ON `contacts` (`organisation_id`,`name_key`) WHERE "contacts"."erased_at" IS NULL;--> statement-breakpoint
CREATE INDEX `contacts_phone_name_key_idx` ON `contacts` (`phone_key`,`name_key`) WHERE "contacts"."erased_at" IS NULL;--> statement-breakpoint
CREATE INDEX `contacts_likely_duplicate_idx` ON `contacts` (`likely_duplicate`) WHERE "contacts"."likely_duplicate" = 1;--> statement-breakpoint
-- Three EXISTS, each a lookup in one of the indexes above, rather than one EXISTS with an OR
-- inside (SQLite 3.51 answers such an OR wrongly once rewritten as a MULTI-INDEX OR join).
UPDATE `contacts` SET `likely_duplicate` = (`contacts`.`erased_at` IS NULL AND (
	EXISTS (SELECT 1 FROM `contacts` d WHERE d.`email_key` = `contacts`.`email_key`
		AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)
	OR EXISTS (SELECT 1 FROM `contacts` d WHERE d.`organisation_id` = `contacts`.`organisation_id`
		AND d.`name_key` = `contacts`.`name_key` AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)
	OR EXISTS (SELECT 1 FROM `contacts` d WHERE d.`phone_key` = `contacts`.`phone_key`
		AND d.`name_key` = `contacts`.`name_key` AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)))
WHERE `erased_at` IS NULL;--> statement-breakpoint
-- a new contact gets its keys (which fires contacts_duplicates_after_keys below)
CREATE TRIGGER `contacts_keys_after_insert` AFTER INSERT ON `contacts`
BEGIN
	UPDATE `contacts` SET
		`name_key` = tektos_name_key(new.`first_name`, new.`last_name`),
		`email_key` = tektos_email_key(new.`email`),
		`phone_key` = tektos_phone_key(new.`phone`, new.`country`)
	WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- a changed name, email, phone or country changes the keys (an erasure nulls them)
CREATE TRIGGER `contacts_keys_after_update`
AFTER UPDATE OF `first_name`, `last_name`, `email`, `phone`, `country` ON `contacts`
BEGIN
	UPDATE `contacts` SET
		`name_key` = tektos_name_key(new.`first_name`, new.`last_name`),
		`email_key` = tektos_email_key(new.`email`),
		`phone_key` = tektos_phone_key(new.`phone`, new.`country`)
	WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- New keys, another organisation or an erasure: the contact and everyone who shared its old
-- or its new keys are looked at again (also fires for ON DELETE SET NULL of the organisation).
CREATE TRIGGER `contacts_duplicates_after_keys`
AFTER UPDATE OF `name_key`, `email_key`, `phone_key`, `organisation_id`, `erased_at` ON `contacts`
WHEN old.`name_key` IS NOT new.`name_key` OR old.`email_key` IS NOT new.`email_key`
	OR old.`phone_key` IS NOT new.`phone_key` OR old.`organisation_id` IS NOT new.`organisation_id`
	OR old.`erased_at` IS NOT new.`erased_at`
BEGIN
	UPDATE `contacts` SET `likely_duplicate` = (`contacts`.`erased_at` IS NULL AND (
		EXISTS (SELECT 1 FROM `contacts` d WHERE d.`email_key` = `contacts`.`email_key`
			AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)
		OR EXISTS (SELECT 1 FROM `contacts` d WHERE d.`organisation_id` = `contacts`.`organisation_id`
			AND d.`name_key` = `contacts`.`name_key` AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)
		OR EXISTS (SELECT 1 FROM `contacts` d WHERE d.`phone_key` = `contacts`.`phone_key`
			AND d.`name_key` = `contacts`.`name_key` AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)))
	WHERE `id` = new.`id`
		OR (`erased_at` IS NULL AND `email_key` IN (old.`email_key`, new.`email_key`))
		OR (`erased_at` IS NULL AND `organisation_id` IN (old.`organisation_id`, new.`organisation_id`)
			AND `name_key` IN (old.`name_key`, new.`name_key`))
		OR (`erased_at` IS NULL AND `phone_key` IN (old.`phone_key`, new.`phone_key`)
			AND `name_key` IN (old.`name_key`, new.`name_key`));
END;--> statement-breakpoint
-- a deleted (merged) contact leaves its look-alikes perhaps alone
CREATE TRIGGER `contacts_duplicates_after_delete` AFTER DELETE ON `contacts`
BEGIN
	UPDATE `contacts` SET `likely_duplicate` = (
		EXISTS (SELECT 1 FROM `contacts` d WHERE d.`email_key` = `contacts`.`email_key`
			AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)
		OR EXISTS (SELECT 1 FROM `contacts` d WHERE d.`organisation_id` = `contacts`.`organisation_id`
			AND d.`name_key` = `contacts`.`name_key` AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`)
		OR EXISTS (SELECT 1 FROM `contacts` d WHERE d.`phone_key` = `contacts`.`phone_key`
			AND d.`name_key` = `contacts`.`name_key` AND d.`erased_at` IS NULL AND d.`id` <> `contacts`.`id`))
	WHERE `erased_at` IS NULL AND (`email_key` = old.`email_key`
		OR (`organisation_id` = old.`organisation_id` AND `name_key` = old.`name_key`)
		OR (`phone_key` = old.`phone_key` AND `name_key` = old.`name_key`));
END;
