CREATE TABLE `report_views` (
	`id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_views_token_unique` ON `report_views` (`token`);--> statement-breakpoint
CREATE INDEX `report_views_created_idx` ON `report_views` (`created_at`);