CREATE TABLE `delivery_attempts` (
	`delivery_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	PRIMARY KEY(`delivery_id`, `attempt`)
);
--> statement-breakpoint
CREATE TABLE `incident_mentions` (
	`incident_id` integer NOT NULL,
	`channel` text NOT NULL,
	`mention_id` text NOT NULL,
	`author_handle` text NOT NULL,
	`via` text NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `channel`, `mention_id`)
);
--> statement-breakpoint
CREATE INDEX `incident_mentions_author` ON `incident_mentions` (`incident_id`,`channel`,`author_handle`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_channel` text NOT NULL,
	`opened_mention_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution_token` text,
	`follow_up` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_open_topic` ON `incidents` (`topic`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `incidents_status` ON `incidents` (`status`,`opened_at`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`topic` text NOT NULL,
	`template` text,
	`draft_text` text,
	`text` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`published_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_incident` ON `notices` (`incident_id`);--> statement-breakpoint
CREATE TABLE `outbound_events` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`type` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbound_events_key` ON `outbound_events` (`key`);--> statement-breakpoint
CREATE INDEX `outbound_events_type` ON `outbound_events` (`type`,`created_at`);--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`payload` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`claim_token` text,
	`claimed_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_jobs_key` ON `scheduled_jobs` (`key`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_due` ON `scheduled_jobs` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `scheduler_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ticket_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`stage` text NOT NULL,
	`type` text NOT NULL,
	`action_key` text NOT NULL,
	`action` text NOT NULL,
	`token` text NOT NULL,
	`applied_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_actions_once` ON `ticket_actions` (`ticket_id`,`action_key`);--> statement-breakpoint
CREATE INDEX `ticket_actions_applied_at` ON `ticket_actions` (`applied_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`webhook_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`claim_token` text,
	`claimed_until` integer,
	`last_attempt_at` integer,
	`last_status_code` integer,
	`last_error` text,
	`delivered_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_once` ON `webhook_deliveries` (`event_id`,`webhook_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_created` ON `webhook_deliveries` (`created_at`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`deleted_at` integer
);
