DROP INDEX `contacts_organisation_idx`;--> statement-breakpoint
CREATE INDEX `contacts_organisation_created_idx` ON `contacts` (`organisation_id`,`erased_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `contacts_unattached_country_created_idx` ON `contacts` (`country`,`created_at`) WHERE "contacts"."organisation_id" IS NULL AND "contacts"."erased_at" IS NULL;--> statement-breakpoint
DROP INDEX `rent_statements_month_idx`;--> statement-breakpoint
CREATE INDEX `rent_statements_corrects_idx` ON `rent_statements` (`corrects_id`) WHERE "rent_statements"."corrects_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `rent_statements_month_amounts_idx` ON `rent_statements` (`month`,`kind`,`lease_id`,`subsidy_cents`,`rent_cents`);--> statement-breakpoint
CREATE INDEX `mentoring_sessions_date_idx` ON `mentoring_sessions` (`date`,`assignment_id`,`minutes`);