// Declares a trigger node: where a workflow of one kind starts, with an optional filter on what enters.
import type { z } from 'zod';
import type { WorkflowKind } from '../workflow/workflow-kind.ts';
import type { RuleCondition } from '../compiler/rule-json.ts';
import type { FieldSpec, TriggerNodeSpec } from './node-spec.ts';

interface TriggerDefinition<Data> {
  kind: string;
  workflowKind: WorkflowKind;
  label: string;
  description: string;
  dataSchema: z.ZodType<Data>;
  defaults: Data;
  fields: readonly FieldSpec[];
  summarize(data: Data): string;
  toCondition(data: Data): RuleCondition | null;
}

export function defineTriggerNode<Data>(definition: TriggerDefinition<Data>): TriggerNodeSpec<Data> {
  const { workflowKind, ...spec } = definition;
  return { ...spec, category: 'trigger', outputs: ['out'], workflowKinds: [workflowKind] };
}
