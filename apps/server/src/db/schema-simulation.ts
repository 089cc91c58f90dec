// Storage for simulation: regression cases, the mentions a workflow must keep deciding as expected before a new
// version of it publishes. Times are epoch milliseconds.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

export const regressionCases = sqliteTable(
  'regression_cases',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    name: text('name').notNull(),
    /** The mention as it was simulated (a valid Mention). */
    mention: json<Record<string, unknown>>('mention').notNull(),
    /** The virtual clock it was simulated at: escalation workflows run at this time too. */
    now: text('now'),
    /** A pack expectation (queue, priority, tags, actions …): only the fields given are checked. */
    expect: json<Record<string, unknown>>('expect').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (table) => [index('regression_cases_workflow').on(table.workflowId, table.createdAt)],
);
