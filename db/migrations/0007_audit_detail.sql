-- The activity history as data (issue 13, decision 0033): a new row says what happened in
-- `detail` (JSON: a verb, the values naming the record, the fields that changed, each value
-- typed) and no longer in an English `summary`, which is kept for the rows written before.
-- A rebuild (summary becomes nullable): the append-only triggers go with the old table, so they
-- are dropped first and created again after, as 0001 wrote them (docs/migrations.md). Nothing
-- refers to audit_log; its own references are copied as they are.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
DROP TRIGGER `audit_log_no_update`;--> statement-breakpoint
DROP TRIGGER `audit_log_no_delete`;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`startup_id` integer,
	`summary` text,
	`changes` text,
	`detail` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "audit_log_described" CHECK("summary" IS NOT NULL OR "detail" IS NOT NULL)
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "at", "user_id", "action", "entity", "entity_id", "startup_id", "summary", "changes") SELECT "id", "at", "user_id", "action", "entity", "entity_id", "startup_id", "summary", "changes" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_log_startup_at_idx` ON `audit_log` (`startup_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
-- The audit log is append-only: history cannot be rewritten, even by a bug.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
