-- Names sort as a French reader expects, without accents or case (issue 13, decision 0035):
-- each named table keeps its name folded in `sort_key` ("Détroit Analytics" → "detroit
-- analytics"), and every list orders by it. Triggers keep it on every write, whoever writes
-- (forms, imports, the seed, merges, erasures), with the function tektos_sort_key that every
-- app connection registers (app/utils/sort-key.ts). A contact's key is her name as it is shown,
-- first name first; an erased contact has none.
DROP INDEX `team_members_startup_idx`;--> statement-breakpoint
ALTER TABLE `team_members` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `team_members_startup_idx` ON `team_members` (`startup_id`,`sort_key`);--> statement-breakpoint
ALTER TABLE `users` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `users_sort_key_idx` ON `users` (`sort_key`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `contacts_sort_key_idx` ON `contacts` (`sort_key`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `organisations_sort_key_idx` ON `organisations` (`sort_key`);--> statement-breakpoint
ALTER TABLE `mentors` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `mentors_sort_key_idx` ON `mentors` (`sort_key`);--> statement-breakpoint
ALTER TABLE `cohorts` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `cohorts_sort_key_idx` ON `cohorts` (`sort_key`);--> statement-breakpoint
ALTER TABLE `startups` ADD `sort_key` text;--> statement-breakpoint
CREATE INDEX `startups_sort_key_idx` ON `startups` (`sort_key`);;--> statement-breakpoint
-- the team members already there
UPDATE `team_members` SET `sort_key` = tektos_sort_key(`name`);--> statement-breakpoint
CREATE TRIGGER `team_members_sort_key_after_insert` AFTER INSERT ON `team_members`
BEGIN
	UPDATE `team_members` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `team_members_sort_key_after_update` AFTER UPDATE OF `name` ON `team_members`
BEGIN
	UPDATE `team_members` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- the users already there
UPDATE `users` SET `sort_key` = tektos_sort_key(`name`);--> statement-breakpoint
CREATE TRIGGER `users_sort_key_after_insert` AFTER INSERT ON `users`
BEGIN
	UPDATE `users` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `users_sort_key_after_update` AFTER UPDATE OF `name` ON `users`
BEGIN
	UPDATE `users` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- the contacts already there
UPDATE `contacts` SET `sort_key` = tektos_sort_key(`first_name`, `last_name`);--> statement-breakpoint
CREATE TRIGGER `contacts_sort_key_after_insert` AFTER INSERT ON `contacts`
BEGIN
	UPDATE `contacts` SET `sort_key` = tektos_sort_key(new.`first_name`, new.`last_name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `contacts_sort_key_after_update` AFTER UPDATE OF `first_name`, `last_name` ON `contacts`
BEGIN
	UPDATE `contacts` SET `sort_key` = tektos_sort_key(new.`first_name`, new.`last_name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- the organisations already there
UPDATE `organisations` SET `sort_key` = tektos_sort_key(`name`);--> statement-breakpoint
CREATE TRIGGER `organisations_sort_key_after_insert` AFTER INSERT ON `organisations`
BEGIN
	UPDATE `organisations` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `organisations_sort_key_after_update` AFTER UPDATE OF `name` ON `organisations`
BEGIN
	UPDATE `organisations` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- the mentors already there
UPDATE `mentors` SET `sort_key` = tektos_sort_key(`name`);--> statement-breakpoint
CREATE TRIGGER `mentors_sort_key_after_insert` AFTER INSERT ON `mentors`
BEGIN
	UPDATE `mentors` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `mentors_sort_key_after_update` AFTER UPDATE OF `name` ON `mentors`
BEGIN
	UPDATE `mentors` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- the cohorts already there
UPDATE `cohorts` SET `sort_key` = tektos_sort_key(`name`);--> statement-breakpoint
CREATE TRIGGER `cohorts_sort_key_after_insert` AFTER INSERT ON `cohorts`
BEGIN
	UPDATE `cohorts` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `cohorts_sort_key_after_update` AFTER UPDATE OF `name` ON `cohorts`
BEGIN
	UPDATE `cohorts` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
-- the startups already there
UPDATE `startups` SET `sort_key` = tektos_sort_key(`name`);--> statement-breakpoint
CREATE TRIGGER `startups_sort_key_after_insert` AFTER INSERT ON `startups`
BEGIN
	UPDATE `startups` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `startups_sort_key_after_update` AFTER UPDATE OF `name` ON `startups`
BEGIN
	UPDATE `startups` SET `sort_key` = tektos_sort_key(new.`name`) WHERE `id` = new.`id`;
END;