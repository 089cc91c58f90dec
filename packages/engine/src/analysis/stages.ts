// When rules meet: routes only compete with rules evaluated in the same stage (see RuleEngine's STAGE_KINDS).
import type { Stage } from '../rule-engine.ts';
import type { WorkflowKind } from '../workflow/workflow-kind.ts';
import { clauseSetOf, type ClauseSet } from './clause-set.ts';
import { literalOf } from './literal.ts';

export interface StageScope {
  readonly stage: Stage;
  readonly kinds: readonly WorkflowKind[];
  /** What every subject evaluated in this stage is known to satisfy (the `event` fact the stage sets). */
  readonly known: ClauseSet;
}

const event = (value: string): ClauseSet => clauseSetOf([literalOf({ fact: 'event', operator: 'equal', value }, false)]);

// Mirrors RuleEngine's STAGE_KINDS and STAGE_EVENTS; tests/engine-rule-analysis.test.ts checks they agree.
export const STAGE_SCOPES: readonly StageScope[] = [
  { stage: 'ingest', kinds: ['routing', 'proactive'], known: event('mention') },
  { stage: 'escalation', kinds: ['escalation'], known: new Map() },
  { stage: 'resolution', kinds: ['proactive'], known: event('ticket_resolved') },
  { stage: 'empowerment', kinds: ['empowerment'], known: new Map() },
];
