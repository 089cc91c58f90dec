// One mention's way through the workflow, as the canvas shows it: the nodes it reached, the branch each condition
// took, and the condition nodes where rules that did not fire stopped. The workbench builds it from a trace.
export type Branch = 'yes' | 'no';
export type NodePathState = 'reached' | 'stopped' | 'unreached';
export type EdgePathState = 'taken' | 'not-taken' | 'off';

export interface PathView {
  /** "Draft · mention m-17" */
  readonly title: string;
  readonly reached: ReadonlySet<string>;
  readonly outcomes: Readonly<Record<string, Branch>>;
  /** Condition node → the action nodes whose rules stopped there (the branch they needed was not taken). */
  readonly stops: Readonly<Record<string, readonly string[]>>;
}

/** A reached condition that stopped a rule reads "stopped"; nodes the mention never got to read "unreached". */
export function nodePathState(view: PathView, nodeId: string): NodePathState {
  if (!view.reached.has(nodeId)) return 'unreached';
  return view.stops[nodeId]?.length ? 'stopped' : 'reached';
}

/** Taken: both ends reached, on the branch the condition took. Not taken: the other branch of a reached condition. */
export function edgePathState(view: PathView, edge: { source: string; target: string; sourceHandle?: string | null }): EdgePathState {
  if (!view.reached.has(edge.source)) return 'off';
  const outcome = view.outcomes[edge.source];
  if (outcome && edge.sourceHandle && edge.sourceHandle !== outcome) return 'not-taken';
  return view.reached.has(edge.target) ? 'taken' : 'off';
}
