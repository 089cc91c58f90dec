// Applies what a timed stage decided (escalation as a ticket waits, proactive workflows on resolution) to the
// ticket, once: each action is recorded in `ticket_actions` under a key unique per ticket, and its effects (the
// ticket's escalated_to, priority, tags or queue; a follow-up job; an outbound event) are statements of the same
// commit that test the record was written by this job. The same escalation is never applied twice, whichever
// process or retry gets there.
import type { InStatement, InValue } from '@libsql/client';
import { actionKey, higherPriority, raisePriority, type Action, type Decision, type Priority, type RuleEngine } from '@mentionflow/engine';
import type { tickets } from '../db/schema.ts';
import { eventStatements, type EventType, type SqlFragment } from './outbox.ts';
import { scheduleStatement } from './job-store.ts';

type TicketRow = typeof tickets.$inferSelect;

/** One change to apply: an action of the decision, or the priority, a tag or a queue the decision folded in. */
export interface PlannedAction {
  readonly key: string;
  readonly action: Record<string, unknown> & { type: string };
}

export interface ApplyContext {
  readonly ticket: TicketRow;
  readonly decision: Decision;
  readonly engine: RuleEngine;
  readonly stage: 'escalation' | 'resolution';
  /** Scopes the once-only keys (resolution: per resolution, so a reopened and resolved ticket runs again). */
  readonly scope: string;
  readonly token: string;
  /** The job's claim is still held. */
  readonly ours: SqlFragment;
  readonly at: number;
}

/** Fields the host adds to actions (rendered text, due times): not part of what makes an action the same. */
const HOST_FIELDS = new Set(['text', 'templateVariant', 'missingTemplate', 'dueAt']);

function stableKey(action: Record<string, unknown> & { type: string }): string {
  return actionKey(Object.fromEntries(Object.entries(action).filter(([field]) => !HOST_FIELDS.has(field))) as Action);
}

const compiledActions = new WeakMap<RuleEngine, Map<string, Action>>();

/** The action each rule of the engine fires, by rule id (folded actions leave only their effect in a decision). */
function firedActions(engine: RuleEngine, decision: Decision): Action[] {
  let byRule = compiledActions.get(engine);
  if (!byRule) {
    byRule = new Map();
    for (const workflow of engine.workflows) for (const rule of workflow.rules) byRule.set(rule.name, rule.event.params.action as Action);
    compiledActions.set(engine, byRule);
  }
  return decision.fired.map((fired) => byRule.get(fired.ruleId)).filter((action): action is Action => action !== undefined);
}

/** What the decision changes on this ticket, each with its once-only key. */
export function planActions(ticket: TicketRow, decision: Decision, engine: RuleEngine): PlannedAction[] {
  const planned: PlannedAction[] = [];
  const priorities = firedActions(engine, decision).filter((action) => action.type === 'set_priority');
  if (priorities.length > 0) {
    // As in decisions: the most urgent explicit priority, raised by the largest raise; but from the ticket's own
    // priority, not the default one.
    let base = ticket.priority as Priority;
    const explicit = priorities.map((action) => action.priority).filter((value): value is Priority => typeof value === 'string');
    if (explicit.length > 0) base = explicit.reduce(higherPriority);
    const next = raisePriority(base, Math.max(0, ...priorities.map((action) => (typeof action.raise === 'number' ? action.raise : 0))));
    if (next !== ticket.priority) planned.push({ key: priorities.map(stableKey).sort().join('+'), action: { type: 'set_priority', priority: next, from: ticket.priority } });
  }
  for (const tag of decision.tags) if (!ticket.tags.includes(tag)) planned.push({ key: `tag:${tag}`, action: { type: 'tag', tags: [tag] } });
  if (decision.queue !== null && decision.queue !== ticket.queue) planned.push({ key: `route:${decision.queue}`, action: { type: 'route', queue: decision.queue, from: ticket.queue } });
  for (const action of decision.actions) {
    if (action.type === 'escalate' && ticket.escalatedTo.includes(String(action.to))) continue;
    planned.push({ key: stableKey(action), action });
  }
  return planned;
}

export interface ActionStatements {
  readonly statements: InStatement[];
  /** For each planned action, the index of the statement whose rowsAffected says whether it was applied. */
  readonly recordIndex: number[];
}

/** The statements applying planned actions, each effect conditional on its record being this job's. */
export function actionStatements(planned: readonly PlannedAction[], context: ApplyContext): ActionStatements {
  const { ticket, at } = context;
  const statements: InStatement[] = [];
  const recordIndex: number[] = [];
  const ticketData = { id: ticket.id, channel: ticket.channel, mentionId: ticket.mentionId, queue: ticket.queue, priority: ticket.priority, authorHandle: ticket.authorHandle, conversationId: ticket.conversationId };
  const stillOpen = context.stage === 'escalation' ? ` AND EXISTS (SELECT 1 FROM tickets WHERE id = ? AND status = 'open')` : '';
  for (const { key: baseKey, action } of planned) {
    const key = `${context.scope}:${baseKey}`;
    recordIndex.push(statements.length);
    statements.push({
      sql: `INSERT INTO ticket_actions (ticket_id, stage, type, action_key, action, token, applied_at)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${context.ours.sql}${stillOpen}
            ON CONFLICT (ticket_id, action_key) DO NOTHING`,
      args: [ticket.id, context.stage, action.type, key, JSON.stringify(action), context.token, at, ...context.ours.args, ...(stillOpen ? [ticket.id] : [])],
    });
    const mine: SqlFragment = { sql: 'EXISTS (SELECT 1 FROM ticket_actions WHERE ticket_id = ? AND action_key = ? AND token = ?)', args: [ticket.id, key, context.token] };
    const update = (set: string, args: InValue[], extra = '', extraArgs: InValue[] = []): InStatement => ({
      sql: `UPDATE tickets SET ${set}, updated_at = ? WHERE id = ?${extra} AND ${mine.sql}`,
      args: [...args, at, ticket.id, ...extraArgs, ...mine.args],
    });
    const event = (type: EventType) => eventStatements({ type, key: `ticket_action:${ticket.id}:${key}`, data: { stage: context.stage, ticket: ticketData, action }, when: mine }, at);
    switch (action.type) {
      case 'escalate':
        statements.push(update(`escalated_to = json_insert(escalated_to, '$[#]', ?)`, [String(action.to)], ' AND NOT EXISTS (SELECT 1 FROM json_each(tickets.escalated_to) WHERE value = ?)', [String(action.to)]));
        statements.push(...event('ticket.escalated'));
        break;
      case 'set_priority':
        statements.push(update('priority = ?', [String(action.priority)]));
        statements.push(...event('ticket.priority_changed'));
        break;
      case 'tag':
        for (const tag of action.tags as string[]) statements.push(update(`tags = json_insert(tags, '$[#]', ?)`, [tag], ' AND NOT EXISTS (SELECT 1 FROM json_each(tickets.tags) WHERE value = ?)', [tag]));
        break;
      case 'route':
        statements.push(update('queue = ?', [String(action.queue)]));
        break;
      case 'auto_acknowledge':
        statements.push(...event('ticket.acknowledged'));
        break;
      case 'notify':
        statements.push(...event('notification'));
        break;
      case 'schedule_follow_up':
        if (typeof action.dueAt === 'string') {
          const payload = { channel: ticket.channel, mentionId: ticket.mentionId, authorHandle: ticket.authorHandle, template: action.template, source: context.stage, ticketId: ticket.id };
          statements.push(scheduleStatement({ kind: 'follow_up', key: `follow_up:ticket:${ticket.id}:${key}`, payload, dueAt: Date.parse(action.dueAt) }, at, mine));
        }
        break;
      default:
        statements.push(...event('ticket.action'));
    }
  }
  return { statements, recordIndex };
}
