CREATE TABLE `regression_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`name` text NOT NULL,
	`mention` text NOT NULL,
	`now` text,
	`expect` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE INDEX `regression_cases_workflow` ON `regression_cases` (`workflow_id`,`created_at`);