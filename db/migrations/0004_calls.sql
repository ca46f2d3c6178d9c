CREATE TABLE `application_answers` (
	`application_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`application_id`, `question_id`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `call_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `application_files` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`stored_name` text NOT NULL,
	`original_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `call_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "application_files_size" CHECK("application_files"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_files_question_unique` ON `application_files` (`application_id`,`question_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `application_files_stored_unique` ON `application_files` (`stored_name`);--> statement-breakpoint
CREATE TABLE `application_founders` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`email` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `application_founders_application_idx` ON `application_founders` (`application_id`,`position`);--> statement-breakpoint
CREATE TABLE `application_reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`submitted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_reviews_unique` ON `application_reviews` (`application_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `application_reviews_user_idx` ON `application_reviews` (`user_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY NOT NULL,
	`call_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`token_hash` text,
	`token_expires_at` integer,
	`locale` text NOT NULL,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`project_name` text,
	`origin` text,
	`sector` text,
	`stage` text,
	`website` text,
	`pitch` text,
	`uk_focus` integer DEFAULT false NOT NULL,
	`privacy_accepted_at` integer,
	`submitted_at` integer,
	`decided_at` integer,
	`decided_by` integer,
	`decision_reason` text,
	`startup_id` integer,
	`erased_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`startup_id`) REFERENCES `startups`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "applications_submitted" CHECK(("applications"."status" = 'draft') = ("applications"."submitted_at" IS NULL)),
	CONSTRAINT "applications_decided" CHECK(("applications"."status" IN ('accepted', 'waitlisted', 'rejected')) = ("applications"."decided_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `applications_call_status_idx` ON `applications` (`call_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `applications_token_unique` ON `applications` (`token_hash`) WHERE "applications"."token_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `applications_email_idx` ON `applications` (`call_id`,lower("contact_email"));--> statement-breakpoint
CREATE INDEX `applications_status_decided_idx` ON `applications` (`status`,`decided_at`);--> statement-breakpoint
CREATE TABLE `call_committee` (
	`call_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`added_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`call_id`, `user_id`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_committee_user_idx` ON `call_committee` (`user_id`);--> statement-breakpoint
CREATE TABLE `call_criteria` (
	`id` integer PRIMARY KEY NOT NULL,
	`call_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label_fr` text NOT NULL,
	`label_en` text NOT NULL,
	`weight` integer NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "call_criteria_weight" CHECK("call_criteria"."weight" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE INDEX `call_criteria_call_idx` ON `call_criteria` (`call_id`,`position`);--> statement-breakpoint
CREATE TABLE `call_questions` (
	`id` integer PRIMARY KEY NOT NULL,
	`call_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`label_fr` text NOT NULL,
	`label_en` text NOT NULL,
	`help_fr` text,
	`help_en` text,
	`required` integer DEFAULT false NOT NULL,
	`options` text,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "call_questions_options" CHECK(("call_questions"."kind" = 'choice') = ("call_questions"."options" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `call_questions_call_idx` ON `call_questions` (`call_id`,`position`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY NOT NULL,
	`cohort_id` integer NOT NULL,
	`title_fr` text NOT NULL,
	`title_en` text NOT NULL,
	`text_fr` text NOT NULL,
	`text_en` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`lawful_basis` text DEFAULT 'contract' NOT NULL,
	`retention_months` integer DEFAULT 24 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "calls_dates" CHECK("calls"."closes_on" >= "calls"."opens_on"),
	CONSTRAINT "calls_retention" CHECK("calls"."retention_months" BETWEEN 1 AND 120)
);
--> statement-breakpoint
CREATE INDEX `calls_dates_idx` ON `calls` (`opens_on`,`closes_on`);--> statement-breakpoint
CREATE TABLE `committee_conflicts` (
	`application_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`application_id`, `user_id`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `committee_conflicts_user_idx` ON `committee_conflicts` (`user_id`);--> statement-breakpoint
CREATE TABLE `review_scores` (
	`review_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	PRIMARY KEY(`review_id`, `criterion_id`),
	FOREIGN KEY (`review_id`) REFERENCES `application_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `call_criteria`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "review_scores_range" CHECK("review_scores"."score" BETWEEN 0 AND 5)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`sent_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `password_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "password_tokens_expiry" CHECK("password_tokens"."expires_at" > "password_tokens"."created_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_tokens_hash_unique` ON `password_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_tokens_user_idx` ON `password_tokens` (`user_id`);