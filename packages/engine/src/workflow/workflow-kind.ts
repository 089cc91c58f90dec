// The four kinds of workflow an operations lead draws, and what each one evaluates.
import { z } from 'zod';
import type { FactSubject } from '../facts/fact-spec.ts';

export const WORKFLOW_KINDS = ['routing', 'escalation', 'empowerment', 'proactive'] as const;
export const WorkflowKindSchema = z.enum(WORKFLOW_KINDS);
export type WorkflowKind = z.infer<typeof WorkflowKindSchema>;

/** Empowerment workflows look at an agent's request; the others at a mention (and its ticket). */
export function subjectOf(kind: WorkflowKind): FactSubject {
  return kind === 'empowerment' ? 'request' : 'mention';
}
