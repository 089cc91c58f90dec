// Declares an action node: the common shape of every node that adds an action to the decision.
import type { z } from 'zod';
import { WORKFLOW_KINDS, type WorkflowKind } from '../workflow/workflow-kind.ts';
import type { Action } from '../decision/action.ts';
import type { ActionKind } from './node-kinds.ts';
import { DEFAULT_RANK, type ActionNodeSpec, type FieldSpec } from './node-spec.ts';

/** Mention-based workflows may use any action but `require_approval`; empowerment only its own. */
const MENTION_KINDS: readonly WorkflowKind[] = WORKFLOW_KINDS.filter((kind) => kind !== 'empowerment');

interface ActionDefinition<Data> {
  kind: ActionKind;
  label: string;
  description: string;
  dataSchema: z.ZodType<Data>;
  defaults: Data;
  fields: readonly FieldSpec[];
  summarize(data: Data): string;
  toAction?(data: Data): Action;
  rankOf?(data: Data): number;
  workflowKinds?: readonly WorkflowKind[];
}

export function defineActionNode<Data extends object>(definition: ActionDefinition<Data>): ActionNodeSpec<Data> {
  return {
    category: 'action',
    outputs: ['out'],
    workflowKinds: definition.workflowKinds ?? MENTION_KINDS,
    toAction: (data) => ({ type: definition.kind, ...data }) as Action,
    rankOf: () => DEFAULT_RANK,
    ...definition,
  };
}
