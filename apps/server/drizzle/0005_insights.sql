CREATE TABLE `insight_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `insight_escalation_hits` (
	`channel` text NOT NULL,
	`queue` text NOT NULL,
	`slot` integer NOT NULL,
	`workflow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`hits` integer NOT NULL,
	PRIMARY KEY(`channel`, `queue`, `slot`, `workflow_id`, `node_id`)
);
--> statement-breakpoint
CREATE TABLE `insight_mention_slots` (
	`channel` text NOT NULL,
	`queue` text NOT NULL,
	`slot` integer NOT NULL,
	`mentions` integer NOT NULL,
	`sentiment_sum` integer NOT NULL,
	`sentiment_count` integer NOT NULL,
	PRIMARY KEY(`channel`, `queue`, `slot`)
);
--> statement-breakpoint
CREATE TABLE `insight_names` (
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`code` integer NOT NULL,
	PRIMARY KEY(`kind`, `name`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `insight_names_code` ON `insight_names` (`kind`,`code`);--> statement-breakpoint
CREATE TABLE `insight_rule_hits` (
	`channel` text NOT NULL,
	`queue` text NOT NULL,
	`slot` integer NOT NULL,
	`workflow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`hits` integer NOT NULL,
	PRIMARY KEY(`channel`, `queue`, `slot`, `workflow_id`, `node_id`)
);
--> statement-breakpoint
CREATE TABLE `insight_tag_slots` (
	`channel` text NOT NULL,
	`queue` text NOT NULL,
	`slot` integer NOT NULL,
	`tag` text NOT NULL,
	`mentions` integer NOT NULL,
	PRIMARY KEY(`channel`, `queue`, `slot`, `tag`)
);
--> statement-breakpoint
CREATE TABLE `insight_ticket_facts` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`group_code` integer NOT NULL,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`due_at` integer
);
--> statement-breakpoint
CREATE INDEX `insight_ticket_facts_created` ON `insight_ticket_facts` (`created_at`,`group_code`,`answered_at`,`due_at`,`started_at`);--> statement-breakpoint
CREATE INDEX `decisions_escalated_at` ON `decisions` (`decided_at`) WHERE stage = 'escalation';--> statement-breakpoint
CREATE INDEX `tickets_due_at` ON `tickets` (`first_response_due_at`,`first_response_at`,`channel`,`queue`);--> statement-breakpoint
CREATE INDEX `tickets_open_work` ON `tickets` (`queue`,`channel`,`assignee_id`,`created_at`,`first_response_at`,`first_response_due_at`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `tickets_resolved_by` ON `tickets` (`assignee_id`,`resolved_at`,`channel`,`queue`) WHERE resolved_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_rated` ON `tickets` (`resolved_at`,`queue`,`rating`,`channel`) WHERE rating IS NOT NULL;--> statement-breakpoint
-- The escalation runner replaces a ticket's escalation decision as the ticket escalates further. Folding counts each
-- escalation decision once, by rowid (src/insights/fold.ts); when a counted one is replaced, this takes its firings out
-- of insight_escalation_hits and puts the new ones in, in the slots and groupings of src/insights/counters.ts (per hour
-- overall, per UTC day by channel and/or queue). Only UPDATEs fire it, so ingest's INSERTs carry no trigger.
CREATE TRIGGER `insight_escalation_hits_replaced` AFTER UPDATE ON `decisions`
WHEN OLD.stage = 'escalation' AND OLD.rowid <= (SELECT COALESCE((SELECT `position` FROM `insight_cursors` WHERE `name` = 'escalations'), 0))
BEGIN
  UPDATE `insight_escalation_hits` SET `hits` = `hits` - 1 WHERE (`channel`, `queue`, `slot`, `workflow_id`, `node_id`) IN (
  SELECT CASE WHEN g.column1 THEN OLD.channel ELSE '*' END, CASE WHEN g.column2 THEN COALESCE(OLD.queue, '') ELSE '*' END,
         OLD.decided_at - ((OLD.decided_at % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) + (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END),
         f.value ->> 'workflowId', f.value ->> 'nodeId'
  FROM json_each(OLD.decision, '$.fired') f CROSS JOIN (VALUES (1, 1), (1, 0), (0, 1), (0, 0)) g);
  INSERT INTO `insight_escalation_hits` (`channel`, `queue`, `slot`, `workflow_id`, `node_id`, `hits`)
  SELECT CASE WHEN g.column1 THEN NEW.channel ELSE '*' END, CASE WHEN g.column2 THEN COALESCE(NEW.queue, '') ELSE '*' END,
         NEW.decided_at - ((NEW.decided_at % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) + (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END),
         f.value ->> 'workflowId', f.value ->> 'nodeId', 1
  FROM json_each(NEW.decision, '$.fired') f CROSS JOIN (VALUES (1, 1), (1, 0), (0, 1), (0, 0)) g
  WHERE NEW.stage = 'escalation'
  ON CONFLICT (`channel`, `queue`, `slot`, `workflow_id`, `node_id`) DO UPDATE SET `hits` = `hits` + 1;
END;
--> statement-breakpoint
-- Folding copies each ticket into insight_ticket_facts once, by id (src/insights/fold.ts); when a copied ticket's queue,
-- priority, first response or due time changes, this follows: queue names get a code on first sight, and the group
-- code keeps its channel (× 2^20) and takes the new queue code × 4 + priority (P1 = 0). Ingest only INSERTs tickets.
CREATE TRIGGER `insight_ticket_facts_changed` AFTER UPDATE OF `queue`, `priority`, `first_response_at`, `first_response_due_at` ON `tickets`
WHEN NEW.id <= (SELECT COALESCE((SELECT `position` FROM `insight_cursors` WHERE `name` = 'tickets'), 0))
BEGIN
  INSERT OR IGNORE INTO `insight_names` (`kind`, `name`, `code`) VALUES ('queue', NEW.queue, (SELECT count(*) FROM `insight_names` WHERE `kind` = 'queue'));
  UPDATE `insight_ticket_facts`
  SET `group_code` = `group_code` - `group_code` % 1048576 + (SELECT `code` FROM `insight_names` WHERE `kind` = 'queue' AND `name` = NEW.queue) * 4 + CAST(substr(NEW.priority, 2) AS INTEGER) - 1,
      `answered_at` = NEW.first_response_at, `due_at` = NEW.first_response_due_at
  WHERE `ticket_id` = NEW.id;
END;
