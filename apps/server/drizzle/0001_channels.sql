CREATE TABLE `channel_credentials` (
	`name` text PRIMARY KEY NOT NULL,
	`scheme` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `import_sources` (
	`name` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
