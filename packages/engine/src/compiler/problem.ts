// A problem found in a workflow: data the editor shows on the node, never an exception.

export type ProblemCode =
  | 'invalid_workflow'
  | 'graph_too_large'
  | 'duplicate_id'
  | 'unknown_node_kind'
  | 'node_not_allowed'
  | 'invalid_node_data'
  | 'unknown_parameter'
  | 'missing_trigger'
  | 'multiple_triggers'
  | 'dangling_edge'
  | 'invalid_handle'
  | 'edge_into_trigger'
  | 'cycle'
  | 'unreachable_node'
  | 'trigger_without_action'
  | 'unknown_fact'
  | 'unknown_operator'
  | 'invalid_operator'
  | 'invalid_value'
  | 'invalid_params'
  | 'empty_terms'
  | 'invalid_path'
  | 'too_complex'
  // Warnings from analyzing compiled rules (analysis/): a rule that can never fire, a route that never wins, a tie.
  | 'never_true'
  | 'shadowed_route'
  | 'conflicting_routes';

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  /** A sentence for a person: what is wrong and where. */
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** Where inside the node's data (or the workflow) the problem is. */
  readonly path?: readonly (string | number)[];
  /** Other nodes to look at (the conditions that contradict each other, the route that wins instead). */
  readonly relatedNodeIds?: readonly string[];
}

export function problem(code: ProblemCode, message: string, where: Omit<Problem, 'code' | 'message' | 'severity'> = {}): Problem {
  return { code, severity: 'error', message, ...where };
}
