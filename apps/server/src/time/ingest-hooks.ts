// What ingest commits, beside the mention, for time and volume: the ticket's first escalation check, incidents
// opened (at most one open per topic: the partial unique index makes a second insert a no-op), the mentions linked
// to them, the notice draft, follow-ups to schedule, and the outbound events. All in the mention's transaction;
// every statement is idempotent by key, so a mention ingested by two processes at once still counts once.
import type { InStatement } from '@libsql/client';
import type { Decision, Mention } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import type { IngestHooks } from '../ingest/mention-ingest.ts';
import { needsTicket } from '../ingest/ticket-policy.ts';
import { eventStatements } from './outbox.ts';
import { scheduleStatement } from './job-store.ts';
import { firstCheckStatement } from './escalation-runner.ts';

/** Actions that leave Mentionflow with the decision: a `mention.decided` event carries them to integrations. */
const OUTWARD = new Set(['auto_acknowledge', 'move_to_private', 'link_to_notice', 'notify', 'escalate', 'hide', 'hold_reply']);

const openIncidentId = (topic: string) => ({ sql: `SELECT id FROM incidents WHERE topic = ? AND status = 'open'`, args: [topic] });

export function timeHooks(services: Services): IngestHooks {
  const { incidents, volumes } = services.time;
  return {
    openIncidents: () => incidents.openTopics(),
    statementsFor(mention: Mention, decision: Decision, at: number): InStatement[] {
      volumes.countedHere(mention);
      const statements: InStatement[] = [];
      if (needsTicket(decision)) statements.push(firstCheckStatement(mention.channel, mention.id, at));
      const link = (topic: string, via: string): InStatement => ({
        sql: `INSERT INTO incident_mentions (incident_id, channel, mention_id, author_handle, via, linked_at)
              SELECT id, ?, ?, ?, ?, ? FROM incidents WHERE topic = ? AND status = 'open'
              ON CONFLICT (incident_id, channel, mention_id) DO NOTHING`,
        args: [mention.channel, mention.id, mention.author.handle, via, at, topic],
      });
      let followUps = 0;
      // Incidents first: the notice draft and the links of the same decision refer to the incident it opens.
      const ordered = [...decision.actions].sort((a, b) => Number(b.type === 'open_incident') - Number(a.type === 'open_incident'));
      for (const action of ordered) {
        const topic = typeof action.topic === 'string' ? action.topic : undefined;
        if (action.type === 'open_incident' && topic) {
          incidents.opening(topic);
          statements.push({
            sql: `INSERT INTO incidents (topic, status, opened_channel, opened_mention_id, opened_at) VALUES (?, 'open', ?, ?, ?) ON CONFLICT DO NOTHING`,
            args: [topic, mention.channel, mention.id, at],
          });
          statements.push(link(topic, 'open_incident'));
          const ours = { sql: `EXISTS (SELECT 1 FROM incidents WHERE topic = ? AND status = 'open' AND opened_channel = ? AND opened_mention_id = ?)`, args: [topic, mention.channel, mention.id] };
          statements.push(...eventStatements({ type: 'incident.opened', key: `incident.opened:${mention.channel}:${mention.id}:${topic}`, data: { incident: { topic }, openedBy: mentionRef(mention) }, fill: { 'incident.id': openIncidentId(topic) }, when: ours }, at));
        } else if (action.type === 'link_to_notice' && topic) {
          statements.push(link(topic, 'link_to_notice'));
        } else if (action.type === 'publish_notice' && topic) {
          statements.push({
            sql: `INSERT INTO notices (incident_id, topic, template, draft_text, status, created_at)
                  SELECT id, topic, ?, ?, 'draft', ? FROM incidents WHERE topic = ? AND status = 'open'
                  ON CONFLICT (incident_id) DO NOTHING`,
            args: [typeof action.template === 'string' ? action.template : null, typeof action.text === 'string' ? action.text : null, at, topic],
          });
        } else if (action.type === 'schedule_follow_up' && typeof action.dueAt === 'string') {
          const payload = { channel: mention.channel, mentionId: mention.id, authorHandle: mention.author.handle, template: action.template, source: 'mention' };
          statements.push(scheduleStatement({ kind: 'follow_up', key: `follow_up:mention:${mention.channel}:${mention.id}:${followUps++}`, payload, dueAt: Date.parse(action.dueAt) }, at));
        }
      }
      if (decision.actions.some((action) => OUTWARD.has(action.type))) {
        const data = { mention: mentionRef(mention), decision: { priority: decision.priority, queue: decision.queue, tags: decision.tags, actions: decision.actions } };
        statements.push(...eventStatements({ type: 'mention.decided', key: `mention.decided:${mention.channel}:${mention.id}`, data }, at));
      }
      return statements;
    },
  };
}

function mentionRef(mention: Mention) {
  return { channel: mention.channel, id: mention.id, author: mention.author, conversationId: mention.conversationId ?? null, createdAt: mention.createdAt };
}
