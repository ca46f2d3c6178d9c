CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`shape` text NOT NULL,
	`settings` text NOT NULL,
	`user_id` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_kind_shape_unique` ON `import_mappings` (`kind`,`shape`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `country_code` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `country_code` text;