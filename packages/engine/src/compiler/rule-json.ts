// The json-rules-engine rule format Mentionflow compiles to: the stored, portable form and the reference executor's input.

export interface FactCondition {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
  /** `<nodeId>#<clauseIndex>`: lets traces point back at the clause on the canvas. */
  name?: string;
}

export interface AllCondition {
  all: RuleCondition[];
  name?: string;
}

export interface AnyCondition {
  any: RuleCondition[];
  name?: string;
}

export interface NotCondition {
  not: RuleCondition;
  name?: string;
}

export type RuleCondition = FactCondition | AllCondition | AnyCondition | NotCondition;
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;

export interface RuleEvent {
  type: string;
  params: {
    action: Record<string, unknown> & { type: string };
    workflowId: string;
    nodeId: string;
    rank: number;
  };
}

export interface RuleJson {
  /** `<workflowId>:<nodeId>` of the action node the rule fires. */
  name: string;
  priority: number;
  conditions: TopLevelCondition;
  event: RuleEvent;
}

export function isFactCondition(condition: RuleCondition): condition is FactCondition {
  return 'fact' in condition;
}
