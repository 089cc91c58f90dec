-- insight_rule_hits keyed slot first, WITHOUT ROWID (src/db/schema-insights.ts). Each fold adds to the current day's
-- rows (by channel and queue) and the current hour's (overall): keyed by slot they sit together in a few pages, where
-- a rowid table kept each where it was first inserted that day and the fold rewrote pages all over it. A query reads
-- its range of slots whatever it filters, so the counts by channel alone and by queue alone are dropped: a query
-- filtered on one sums the counts by channel and queue (src/insights/counters.ts, RULE_HITS).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_insight_rule_hits` (
	`channel` text NOT NULL,
	`queue` text NOT NULL,
	`slot` integer NOT NULL,
	`workflow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`hits` integer NOT NULL,
	PRIMARY KEY(`slot`, `channel`, `queue`, `workflow_id`, `node_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_insight_rule_hits`("channel", "queue", "slot", "workflow_id", "node_id", "hits") SELECT "channel", "queue", "slot", "workflow_id", "node_id", "hits" FROM `insight_rule_hits` WHERE ("channel" = '*') = ("queue" = '*') ORDER BY "slot", "channel", "queue", "workflow_id", "node_id";--> statement-breakpoint
DROP TABLE `insight_rule_hits`;--> statement-breakpoint
ALTER TABLE `__new_insight_rule_hits` RENAME TO `insight_rule_hits`;--> statement-breakpoint
PRAGMA foreign_keys=ON;
