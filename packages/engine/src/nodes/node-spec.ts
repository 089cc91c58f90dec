// What a node type is: its data, defaults, form fields, outputs, summary and what it compiles to. One module per kind.
import type { z } from 'zod';
import type { WorkflowKind } from '../workflow/workflow-kind.ts';
import type { RuleCondition } from '../compiler/rule-json.ts';
import type { Action } from '../decision/action.ts';

export type NodeCategory = 'trigger' | 'condition' | 'action' | 'stop';

/** The editor control a field is edited with; forms are generated from these, never written per node. */
export type FieldInput =
  | 'text'
  | 'textarea'
  | 'number'
  | 'select'
  | 'multiselect'
  | 'tags'
  | 'duration'
  | 'priority'
  | 'template'
  | 'clauses'
  | 'combinator'
  | 'boolean';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly input: FieldInput;
  readonly help?: string;
  readonly options?: readonly string[];
  readonly optional?: boolean;
  /** Shown only when another field of the node has one of these values (e.g. `raise` vs `priority`). */
  readonly showWhen?: { readonly field: string; readonly in: readonly unknown[] };
}

interface BaseNodeSpec<Data> {
  readonly kind: string;
  readonly category: NodeCategory;
  readonly label: string;
  readonly description: string;
  readonly dataSchema: z.ZodType<Data>;
  readonly defaults: Data;
  readonly fields: readonly FieldSpec[];
  /** Named output handles: `yes`/`no` for conditions, `out` for the rest, none for stop. */
  readonly outputs: readonly string[];
  /** Workflow kinds the node may appear in. */
  readonly workflowKinds: readonly WorkflowKind[];
  summarize(data: Data): string;
}

export interface TriggerNodeSpec<Data = any> extends BaseNodeSpec<Data> {
  readonly category: 'trigger';
  /** A filter on what enters the workflow, or null for everything. */
  toCondition(data: Data): RuleCondition | null;
}

export interface ConditionNodeSpec<Data = any> extends BaseNodeSpec<Data> {
  readonly category: 'condition';
  toCondition(data: Data, nodeId: string): RuleCondition;
}

export interface ActionNodeSpec<Data = any> extends BaseNodeSpec<Data> {
  readonly category: 'action';
  /** The decision's action, and the rank of its rule (lower ranks first; used to pick the winning route). */
  toAction(data: Data): Action;
  rankOf(data: Data): number;
}

export interface StopNodeSpec<Data = any> extends BaseNodeSpec<Data> {
  readonly category: 'stop';
}

export type NodeSpec = TriggerNodeSpec | ConditionNodeSpec | ActionNodeSpec | StopNodeSpec;

/** The rank actions get unless they say otherwise. */
export const DEFAULT_RANK = 100;
