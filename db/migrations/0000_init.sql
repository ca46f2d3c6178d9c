CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`startup_id` integer,
	`summary` text NOT NULL,
	`changes` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_startup_at_idx` ON `audit_log` (`startup_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ip_address` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`startup_id` integer,
	`mentor_id` integer,
	`organisation` text,
	`locale` text,
	`disabled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "users_role_link" CHECK(("users"."role" = 'founder' AND "users"."startup_id" IS NOT NULL AND "users"."mentor_id" IS NULL)
			 OR ("users"."role" = 'mentor' AND "users"."mentor_id" IS NOT NULL AND "users"."startup_id" IS NULL)
			 OR ("users"."role" IN ('manager', 'partner') AND "users"."startup_id" IS NULL AND "users"."mentor_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` integer,
	`first_name` text,
	`last_name` text,
	`email` text,
	`phone` text,
	`job_title` text,
	`country` text NOT NULL,
	`languages` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`notes` text,
	`lawful_basis` text NOT NULL,
	`consent_on` text,
	`consent_source` text,
	`opted_out_on` text,
	`last_contact_on` text,
	`owner_id` integer,
	`erased_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "contacts_consent" CHECK("contacts"."lawful_basis" <> 'consent' OR "contacts"."erased_at" IS NOT NULL OR "contacts"."consent_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `contacts_organisation_idx` ON `contacts` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (lower("email"));--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `contacts_last_contact_idx` ON `contacts` (`last_contact_on`);--> statement-breakpoint
CREATE TABLE `interaction_startups` (
	`interaction_id` integer NOT NULL,
	`startup_id` integer NOT NULL,
	PRIMARY KEY(`interaction_id`, `startup_id`),
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interaction_startups_startup_idx` ON `interaction_startups` (`startup_id`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`summary` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interactions_contact_date_idx` ON `interactions` (`contact_id`,`date`);--> statement-breakpoint
CREATE TABLE `introductions` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_id` integer NOT NULL,
	`startup_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`introduced_on` text NOT NULL,
	`status_on` text NOT NULL,
	`deal_value_cents` integer,
	`deal_currency` text,
	`note` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "introductions_value" CHECK("introductions"."deal_value_cents" IS NULL OR "introductions"."deal_value_cents" >= 0),
	CONSTRAINT "introductions_value_currency" CHECK(("introductions"."deal_value_cents" IS NULL) = ("introductions"."deal_currency" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `introductions_startup_status_idx` ON `introductions` (`startup_id`,`status`);--> statement-breakpoint
CREATE INDEX `introductions_contact_idx` ON `introductions` (`contact_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	`sector` text,
	`website` text,
	`notes` text
);
--> statement-breakpoint
CREATE INDEX `organisations_name_idx` ON `organisations` (`name`);--> statement-breakpoint
CREATE INDEX `organisations_country_idx` ON `organisations` (`country`);--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`id` integer PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`from_currency` text NOT NULL,
	`to_currency` text NOT NULL,
	`rate_micros` integer NOT NULL,
	CONSTRAINT "exchange_rates_positive" CHECK("exchange_rates"."rate_micros" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_rates_pair_date_unique` ON `exchange_rates` (`from_currency`,`to_currency`,`date`);--> statement-breakpoint
CREATE TABLE `funding_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`startup_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`is_public` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`status` text NOT NULL,
	`planned_on` text,
	`applied_on` text,
	`secured_on` text,
	`received_on` text,
	`declined_on` text,
	`triggered_by_id` integer,
	`note` text,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`triggered_by_id`) REFERENCES `funding_events`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "funding_events_amount" CHECK("funding_events"."amount_cents" >= 0),
	CONSTRAINT "funding_events_not_self" CHECK("funding_events"."triggered_by_id" IS NULL OR "funding_events"."triggered_by_id" <> "funding_events"."id")
);
--> statement-breakpoint
CREATE INDEX `funding_events_startup_idx` ON `funding_events` (`startup_id`);--> statement-breakpoint
CREATE INDEX `funding_events_status_secured_idx` ON `funding_events` (`status`,`secured_on`);--> statement-breakpoint
CREATE INDEX `funding_events_triggered_by_idx` ON `funding_events` (`triggered_by_id`);--> statement-breakpoint
CREATE TABLE `kpi_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`startup_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`employees` integer NOT NULL,
	`revenue_cents` integer NOT NULL,
	`uk_customers` integer DEFAULT 0 NOT NULL,
	`comment` text,
	`submitted_on` text NOT NULL,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "kpi_reports_values" CHECK("kpi_reports"."employees" >= 0 AND "kpi_reports"."revenue_cents" >= 0 AND "kpi_reports"."uk_customers" >= 0),
	CONSTRAINT "kpi_reports_quarter" CHECK("kpi_reports"."quarter" GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_reports_startup_quarter_unique` ON `kpi_reports` (`startup_id`,`quarter`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY NOT NULL,
	`startup_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`done_on` text,
	`note` text,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestones_done" CHECK(("milestones"."status" = 'done') = ("milestones"."done_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `milestones_startup_due_idx` ON `milestones` (`startup_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `milestones_status_due_idx` ON `milestones` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `mentor_assignments` (
	`id` integer PRIMARY KEY NOT NULL,
	`mentor_id` integer NOT NULL,
	`startup_id` integer NOT NULL,
	`focus` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "mentor_assignments_dates" CHECK("mentor_assignments"."end_date" IS NULL OR "mentor_assignments"."end_date" >= "mentor_assignments"."start_date")
);
--> statement-breakpoint
CREATE INDEX `mentor_assignments_mentor_idx` ON `mentor_assignments` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `mentor_assignments_startup_idx` ON `mentor_assignments` (`startup_id`);--> statement-breakpoint
CREATE TABLE `mentoring_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`assignment_id` integer NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`topic` text NOT NULL,
	`notes` text,
	`notes_private` integer DEFAULT false NOT NULL,
	`next_steps` text,
	FOREIGN KEY (`assignment_id`) REFERENCES `mentor_assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "mentoring_sessions_minutes" CHECK("mentoring_sessions"."minutes" > 0 AND "mentoring_sessions"."minutes" < 720)
);
--> statement-breakpoint
CREATE INDEX `mentoring_sessions_assignment_date_idx` ON `mentoring_sessions` (`assignment_id`,`date`);--> statement-breakpoint
CREATE TABLE `mentors` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`organisation` text NOT NULL,
	`email` text,
	`expertise` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT 'fr' NOT NULL,
	`capacity_hours_per_month` integer DEFAULT 4 NOT NULL,
	`bio` text,
	`active` integer DEFAULT true NOT NULL,
	CONSTRAINT "mentors_capacity" CHECK("mentors"."capacity_hours_per_month" >= 0)
);
--> statement-breakpoint
CREATE TABLE `lease_subsidy_steps` (
	`id` integer PRIMARY KEY NOT NULL,
	`lease_id` integer NOT NULL,
	`from_month` integer NOT NULL,
	`to_month` integer,
	`kind` text NOT NULL,
	`percent_basis_points` integer,
	`amount_cents` integer,
	FOREIGN KEY (`lease_id`) REFERENCES `leases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "lease_subsidy_steps_months" CHECK("lease_subsidy_steps"."from_month" >= 1 AND ("lease_subsidy_steps"."to_month" IS NULL OR "lease_subsidy_steps"."to_month" >= "lease_subsidy_steps"."from_month")),
	CONSTRAINT "lease_subsidy_steps_value" CHECK(("lease_subsidy_steps"."kind" = 'percent' AND "lease_subsidy_steps"."percent_basis_points" BETWEEN 0 AND 10000 AND "lease_subsidy_steps"."amount_cents" IS NULL)
			 OR ("lease_subsidy_steps"."kind" = 'fixed' AND "lease_subsidy_steps"."amount_cents" >= 0 AND "lease_subsidy_steps"."percent_basis_points" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `lease_subsidy_steps_lease_idx` ON `lease_subsidy_steps` (`lease_id`,`from_month`);--> statement-breakpoint
CREATE TABLE `leases` (
	`id` integer PRIMARY KEY NOT NULL,
	`startup_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`monthly_rent_cents` integer NOT NULL,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "leases_rent" CHECK("leases"."monthly_rent_cents" >= 0),
	CONSTRAINT "leases_dates" CHECK("leases"."end_date" IS NULL OR "leases"."end_date" >= "leases"."start_date")
);
--> statement-breakpoint
CREATE INDEX `leases_unit_dates_idx` ON `leases` (`unit_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `leases_startup_idx` ON `leases` (`startup_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY NOT NULL,
	`statement_id` integer NOT NULL,
	`payer` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`paid_on` text NOT NULL,
	`reference` text,
	`recorded_by` integer,
	FOREIGN KEY (`statement_id`) REFERENCES `rent_statements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "payments_amount" CHECK("payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_statement_idx` ON `payments` (`statement_id`,`payer`);--> statement-breakpoint
CREATE TABLE `rent_statements` (
	`id` integer PRIMARY KEY NOT NULL,
	`lease_id` integer NOT NULL,
	`month` text NOT NULL,
	`kind` text DEFAULT 'statement' NOT NULL,
	`corrects_id` integer,
	`rent_cents` integer NOT NULL,
	`subsidy_cents` integer NOT NULL,
	`startup_share_cents` integer NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	`issued_by` integer,
	FOREIGN KEY (`lease_id`) REFERENCES `leases`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`corrects_id`) REFERENCES `rent_statements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "rent_statements_month" CHECK("rent_statements"."month" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
	CONSTRAINT "rent_statements_due" CHECK("rent_statements"."due_on" >= "rent_statements"."issued_on"),
	CONSTRAINT "rent_statements_split" CHECK("rent_statements"."rent_cents" = "rent_statements"."subsidy_cents" + "rent_statements"."startup_share_cents"),
	CONSTRAINT "rent_statements_amounts" CHECK("rent_statements"."subsidy_cents" >= 0 AND "rent_statements"."startup_share_cents" >= 0),
	CONSTRAINT "rent_statements_credit_link" CHECK(("rent_statements"."kind" = 'statement' AND "rent_statements"."corrects_id" IS NULL) OR ("rent_statements"."kind" = 'credit_note' AND "rent_statements"."corrects_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rent_statements_lease_month_unique` ON `rent_statements` (`lease_id`,`month`) WHERE "rent_statements"."kind" = 'statement';--> statement-breakpoint
CREATE INDEX `rent_statements_month_idx` ON `rent_statements` (`month`);--> statement-breakpoint
CREATE TABLE `subsidy_budgets` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`voted_on` text,
	`note` text,
	CONSTRAINT "subsidy_budgets_amount" CHECK("subsidy_budgets"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_budgets_year_unique` ON `subsidy_budgets` (`year`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`floor` integer NOT NULL,
	`kind` text NOT NULL,
	`area_m2` real NOT NULL,
	`desks` integer DEFAULT 1 NOT NULL,
	`market_rent_cents` integer NOT NULL,
	CONSTRAINT "units_rent" CHECK("units"."market_rent_cents" >= 0),
	CONSTRAINT "units_area" CHECK("units"."area_m2" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);--> statement-breakpoint
CREATE TABLE `cohorts` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`programme` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	CONSTRAINT "cohorts_dates" CHECK("cohorts"."end_date" >= "cohorts"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohorts_name_unique` ON `cohorts` (`name`);--> statement-breakpoint
CREATE TABLE `startups` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`legal_name` text,
	`siren` text,
	`companies_house_number` text,
	`sector` text NOT NULL,
	`stage` text NOT NULL,
	`status` text NOT NULL,
	`cohort_id` integer,
	`entered_on` text,
	`left_on` text,
	`website` text,
	`pitch_fr` text,
	`pitch_en` text,
	`uk_focus` integer DEFAULT false NOT NULL,
	`target_markets` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "startups_siren_format" CHECK("startups"."siren" IS NULL OR (length("startups"."siren") = 9 AND "startups"."siren" NOT GLOB '*[^0-9]*')),
	CONSTRAINT "startups_companies_house_format" CHECK("startups"."companies_house_number" IS NULL OR "startups"."companies_house_number" GLOB '[A-Z0-9][A-Z0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "startups_dates" CHECK("startups"."left_on" IS NULL OR "startups"."entered_on" IS NULL OR "startups"."left_on" >= "startups"."entered_on")
);
--> statement-breakpoint
CREATE INDEX `startups_cohort_idx` ON `startups` (`cohort_id`);--> statement-breakpoint
CREATE INDEX `startups_status_idx` ON `startups` (`status`);--> statement-breakpoint
CREATE INDEX `startups_name_idx` ON `startups` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `startups_siren_unique` ON `startups` (`siren`) WHERE "startups"."siren" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `startups_companies_house_unique` ON `startups` (`companies_house_number`) WHERE "startups"."companies_house_number" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `team_members` (
	`id` integer PRIMARY KEY NOT NULL,
	`startup_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`user_id` integer,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `team_members_startup_idx` ON `team_members` (`startup_id`);