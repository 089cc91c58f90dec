// Condition: clauses `fact · operator · value` combined with all/any; a `yes` and a `no` output.
import { z } from 'zod';
import { WORKFLOW_KINDS } from '../../workflow/workflow-kind.ts';
import { GRAPH_LIMITS } from '../../workflow/workflow-schema.ts';
import type { ConditionNodeSpec } from '../node-spec.ts';
import type { FactCondition } from '../../compiler/rule-json.ts';
import { describeClause } from '../../compiler/describe-clause.ts';

export const ClauseSchema = z.strictObject({
  fact: z.string().min(1, 'choose a fact').max(100),
  operator: z.string().min(1, 'choose an operator').max(50),
  value: z.unknown(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type Clause = z.infer<typeof ClauseSchema>;

const ConditionData = z.strictObject({
  combinator: z.enum(['all', 'any']),
  clauses: z
    .array(ClauseSchema)
    .min(1, 'a condition needs at least one clause')
    .max(GRAPH_LIMITS.clausesPerCondition, `a condition holds at most ${GRAPH_LIMITS.clausesPerCondition} clauses`),
});
type ConditionData = z.infer<typeof ConditionData>;

export const condition: ConditionNodeSpec<ConditionData> = {
  kind: 'condition',
  category: 'condition',
  label: 'Condition',
  description: 'Check facts about the mention (or, in empowerment workflows, the request). Continue on “yes” when they hold, on “no” otherwise.',
  dataSchema: ConditionData,
  defaults: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: [] }] },
  fields: [
    { name: 'combinator', label: 'Match', input: 'combinator', options: ['all', 'any'] },
    { name: 'clauses', label: 'Clauses', input: 'clauses' },
  ],
  outputs: ['yes', 'no'],
  workflowKinds: WORKFLOW_KINDS,
  summarize: (data) =>
    data.clauses.map(describeClause).join(data.combinator === 'all' ? ' and ' : ' or ') || '(no clauses)',
  toCondition(data, nodeId) {
    const leaves = data.clauses.map((clause, index): FactCondition => {
      const leaf: FactCondition = { fact: clause.fact, operator: clause.operator, value: clause.value, name: `${nodeId}#${index}` };
      if (clause.params) leaf.params = clause.params;
      return leaf;
    });
    return data.combinator === 'all' ? { all: leaves, name: nodeId } : { any: leaves, name: nodeId };
  },
};
