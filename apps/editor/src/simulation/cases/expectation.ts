// A regression case's expected decision, as the admin edits it: which fields to hold the workflow to, and their
// values, prefilled from the draft's or the published decision.
import type { Decision, PackExpectation } from '@mentionflow/engine';

export interface ExpectationDraft {
  readonly checkQueue: boolean;
  /** '' expects no queue. */
  readonly queue: string;
  readonly checkPriority: boolean;
  readonly priority: string;
  readonly checkTags: boolean;
  readonly tags: readonly string[];
  readonly checkActions: boolean;
  /** Action types that must be among the decision's. */
  readonly actions: readonly string[];
}

const IMPLIED = new Set(['route', 'set_priority', 'tag']);

export function draftFromDecision(decision: Pick<Decision, 'queue' | 'priority' | 'tags' | 'actions'>): ExpectationDraft {
  const actions = [...new Set(decision.actions.map((action) => action.type).filter((type) => !IMPLIED.has(type)))];
  return { checkQueue: true, queue: decision.queue ?? '', checkPriority: true, priority: decision.priority, checkTags: decision.tags.length > 0, tags: [...decision.tags], checkActions: actions.length > 0, actions };
}

export function expectationOf(draft: ExpectationDraft): PackExpectation {
  return {
    ...(draft.checkQueue ? { queue: draft.queue.trim() || null } : {}),
    ...(draft.checkPriority ? { priority: draft.priority as PackExpectation['priority'] } : {}),
    ...(draft.checkTags ? { tags: [...draft.tags] } : {}),
    ...(draft.checkActions ? { actions: [...draft.actions] } : {}),
  };
}

/** "queue billing · P2 · tags refund · actions escalate" */
export function describeExpectation(expect: PackExpectation): string {
  const parts: string[] = [];
  if (expect.queue !== undefined) parts.push(expect.queue === null ? 'no queue' : `queue ${expect.queue}`);
  if (expect.priority) parts.push(expect.priority);
  if (expect.tags?.length) parts.push(`tags ${expect.tags.join(', ')}`);
  if (expect.notTags?.length) parts.push(`not tagged ${expect.notTags.join(', ')}`);
  if (expect.actions?.length) parts.push(`actions ${expect.actions.map((action) => (typeof action === 'string' ? action : action.type)).join(', ')}`);
  if (expect.notActions?.length) parts.push(`no ${expect.notActions.join(', ')}`);
  return parts.join(' · ') || 'anything (no field checked)';
}
