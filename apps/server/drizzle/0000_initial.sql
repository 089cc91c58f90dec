CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`tier` text DEFAULT 'agent' NOT NULL,
	`skills` text NOT NULL,
	`languages` text NOT NULL,
	`queues` text NOT NULL,
	`capacity` integer DEFAULT 5 NOT NULL,
	`rating` real DEFAULT 4 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`required_role` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_by` text,
	`decided_by` text,
	`created_at` integer NOT NULL,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `approvals_status` ON `approvals` (`status`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`channel` text NOT NULL,
	`conversation_id` text NOT NULL,
	`brand_replies` integer DEFAULT 0 NOT NULL,
	`customer_messages` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `conversation_id`)
);
--> statement-breakpoint
CREATE TABLE `decisions` (
	`channel` text NOT NULL,
	`mention_id` text NOT NULL,
	`stage` text DEFAULT 'ingest' NOT NULL,
	`decision` text NOT NULL,
	`priority` text NOT NULL,
	`queue` text,
	`tags` text NOT NULL,
	`versions` text NOT NULL,
	`context` text NOT NULL,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `mention_id`, `stage`)
);
--> statement-breakpoint
CREATE INDEX `decisions_decided_at` ON `decisions` (`decided_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`subject` text,
	`detail` text NOT NULL,
	`actor` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_at` ON `events` (`at`);--> statement-breakpoint
CREATE INDEX `events_type` ON `events` (`type`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`id` text NOT NULL,
	`payload` text NOT NULL,
	`text` text NOT NULL,
	`author_handle` text NOT NULL,
	`conversation_id` text,
	`language` text,
	`sentiment` real,
	`created_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`ingest_token` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentions_channel_id` ON `mentions` (`channel`,`id`);--> statement-breakpoint
CREATE INDEX `mentions_created_at` ON `mentions` (`created_at`);--> statement-breakpoint
CREATE INDEX `mentions_received_at` ON `mentions` (`received_at`);--> statement-breakpoint
CREATE TABLE `packs` (
	`id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`name` text NOT NULL,
	`manifest` text NOT NULL,
	`parameters` text NOT NULL,
	`installed_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`agent_id` text,
	`channel` text NOT NULL,
	`conversation_id` text,
	`author_handle` text NOT NULL,
	`visibility` text NOT NULL,
	`text` text NOT NULL,
	`override_reason` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `replies_ticket` ON `replies` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `replies_conversation` ON `replies` (`channel`,`conversation_id`,`author_handle`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text NOT NULL,
	`channel` text DEFAULT '*' NOT NULL,
	`language` text DEFAULT '*' NOT NULL,
	`body` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`id`, `channel`, `language`)
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`mention_id` text NOT NULL,
	`queue` text NOT NULL,
	`priority` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`tags` text NOT NULL,
	`language` text,
	`sentiment` real,
	`author_handle` text NOT NULL,
	`conversation_id` text,
	`assignee_id` text,
	`claimed_at` integer,
	`first_response_due_at` integer,
	`first_response_at` integer,
	`escalated_to` text DEFAULT '[]' NOT NULL,
	`rating` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_mention` ON `tickets` (`channel`,`mention_id`);--> statement-breakpoint
CREATE INDEX `tickets_open_queue` ON `tickets` (`status`,`queue`,`priority`,`first_response_due_at`);--> statement-breakpoint
CREATE INDEX `tickets_assignee` ON `tickets` (`assignee_id`,`status`);--> statement-breakpoint
CREATE TABLE `workflow_versions` (
	`workflow_id` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`graph` text NOT NULL,
	`parameters` text NOT NULL,
	`rules` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	`rolled_back_from` integer,
	PRIMARY KEY(`workflow_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `workflows` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`graph` text NOT NULL,
	`draft_version` integer DEFAULT 1 NOT NULL,
	`published_version` integer,
	`pack_id` text,
	`pack_version` text,
	`locally_modified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
