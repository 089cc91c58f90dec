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
	`sentiment_sum` real NOT NULL,
	`sentiment_count` integer NOT NULL,
	PRIMARY KEY(`channel`, `queue`, `slot`)
);
--> statement-breakpoint
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
CREATE TABLE `insight_ticket_starts` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `decisions_stage_decided_at` ON `decisions` (`stage`,`decided_at`);--> statement-breakpoint
CREATE INDEX `tickets_created_at` ON `tickets` (`created_at`,`channel`,`queue`,`priority`,`first_response_at`,`first_response_due_at`);--> statement-breakpoint
CREATE INDEX `tickets_due_at` ON `tickets` (`first_response_due_at`,`first_response_at`,`channel`,`queue`);--> statement-breakpoint
CREATE INDEX `tickets_resolved_work` ON `tickets` (`resolved_at`,`assignee_id`,`queue`,`rating`,`channel`);--> statement-breakpoint
CREATE INDEX `tickets_open_work` ON `tickets` (`queue`,`channel`,`assignee_id`,`created_at`,`first_response_at`,`first_response_due_at`) WHERE status = 'open';--> statement-breakpoint
-- Escalation decisions are replaced as a ticket escalates further, so insight_escalation_hits is kept by triggers: the
-- firings of every stored escalation decision, per hour of decided_at overall ('*', '*') and per UTC day by channel
-- and/or queue, as src/insights/counters.ts reads them (ESCALATION_HITS: the same slots and groupings as RULE_HITS).
INSERT INTO `insight_escalation_hits` (`channel`, `queue`, `slot`, `workflow_id`, `node_id`, `hits`)
  SELECT CASE WHEN g.column1 THEN d.channel ELSE '*' END, CASE WHEN g.column2 THEN COALESCE(d.queue, '') ELSE '*' END,
         d.decided_at - ((d.decided_at % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) + (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END),
         f.value ->> 'workflowId', f.value ->> 'nodeId', count(*)
  FROM decisions d JOIN json_each(d.decision, '$.fired') f CROSS JOIN (VALUES (1, 1), (1, 0), (0, 1), (0, 0)) g
  WHERE d.stage = 'escalation'
  GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE TRIGGER `insight_escalation_hits_added` AFTER INSERT ON `decisions` WHEN NEW.stage = 'escalation' BEGIN
  INSERT INTO `insight_escalation_hits` (`channel`, `queue`, `slot`, `workflow_id`, `node_id`, `hits`)
  SELECT CASE WHEN g.column1 THEN NEW.channel ELSE '*' END, CASE WHEN g.column2 THEN COALESCE(NEW.queue, '') ELSE '*' END,
         NEW.decided_at - ((NEW.decided_at % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) + (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END)) % (CASE WHEN g.column1 OR g.column2 THEN 86400000 ELSE 3600000 END),
         f.value ->> 'workflowId', f.value ->> 'nodeId', 1
  FROM json_each(NEW.decision, '$.fired') f CROSS JOIN (VALUES (1, 1), (1, 0), (0, 1), (0, 0)) g
  WHERE true
  ON CONFLICT (`channel`, `queue`, `slot`, `workflow_id`, `node_id`) DO UPDATE SET `hits` = `hits` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `insight_escalation_hits_replaced` AFTER UPDATE ON `decisions` WHEN OLD.stage = 'escalation' BEGIN
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
