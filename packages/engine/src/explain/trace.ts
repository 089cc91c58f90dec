// Traces: the "why did (or didn't) my rule fire" answer, per rule, per condition, per node.
import type { Action } from '../decision/action.ts';

export interface FactTrace {
  readonly kind: 'fact';
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly params?: Record<string, unknown>;
  readonly factValue: unknown;
  readonly result: boolean;
  /** False when json-rules-engine skipped the clause (its group was already decided); the value is shown anyway. */
  readonly evaluated: boolean;
  readonly nodeId?: string;
  readonly clauseIndex?: number;
  /** The clause in plain language. */
  readonly text: string;
}

export interface GroupTrace {
  readonly kind: 'all' | 'any' | 'not';
  readonly result: boolean;
  /** The condition node this group stands for (`:no` groups are its "no" branch). */
  readonly nodeId?: string;
  readonly branch?: 'yes' | 'no';
  readonly children: readonly ConditionTrace[];
}

export type ConditionTrace = FactTrace | GroupTrace;

export interface RuleTrace {
  readonly workflowId: string;
  readonly ruleId: string;
  readonly nodeId: string;
  readonly fired: boolean;
  readonly action: Action;
  readonly conditions: ConditionTrace;
}

export interface PathTrace {
  readonly workflowId: string;
  /** Nodes the subject reached, by node id. */
  readonly reached: readonly string[];
  /** For each reached condition node, the branch taken. */
  readonly outcomes: Readonly<Record<string, 'yes' | 'no'>>;
}

export interface Explanation<D> {
  readonly decision: D;
  readonly rules: readonly RuleTrace[];
  readonly paths: readonly PathTrace[];
}
