CREATE TABLE `insight_response_days` (
	`day` integer PRIMARY KEY NOT NULL,
	`tickets` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `insight_ticket_facts_open` ON `insight_ticket_facts` (`created_at`,`group_code`,`due_at`) WHERE answered_at IS NULL;--> statement-breakpoint
CREATE INDEX `insight_ticket_facts_late` ON `insight_ticket_facts` (`due_at`,`group_code`) WHERE answered_at IS NULL OR answered_at > due_at;--> statement-breakpoint
-- Escalations per day (src/insights/response-times.ts) read only this index: applied_at and ticket_id of the 'escalate'
-- actions, which the escalation runner writes (ingest writes no ticket_actions).
CREATE INDEX `insight_escalations` ON `ticket_actions` (`applied_at`,`ticket_id`) WHERE type = 'escalate';--> statement-breakpoint
-- A day of insight_response_days packs the facts of the tickets created that UTC day (src/insights/response-days.ts):
-- whatever adds, changes or removes one of those facts drops the pack, and the next query that reads the day packs it
-- again. Folding inserts facts, the trigger insight_ticket_facts_changed (0005_insights) updates them; ingest touches
-- neither.
CREATE TRIGGER `insight_response_days_added` AFTER INSERT ON `insight_ticket_facts`
BEGIN
  DELETE FROM `insight_response_days` WHERE `day` = NEW.created_at / 86400000;
END;
--> statement-breakpoint
CREATE TRIGGER `insight_response_days_changed` AFTER UPDATE ON `insight_ticket_facts`
BEGIN
  DELETE FROM `insight_response_days` WHERE `day` IN (OLD.created_at / 86400000, NEW.created_at / 86400000);
END;
--> statement-breakpoint
CREATE TRIGGER `insight_response_days_removed` AFTER DELETE ON `insight_ticket_facts`
BEGIN
  DELETE FROM `insight_response_days` WHERE `day` = OLD.created_at / 86400000;
END;
