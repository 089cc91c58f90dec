// Every problem validation found, in words; choosing one selects its node and centres the canvas on it.
// Rule-analysis warnings follow in yellow (insights/canvas): they never block publishing.
import { findNodeSpec, type Problem } from '@mentionflow/engine';
import { useEditorActions, useEditorState } from '../store/use-editor.ts';
import { RuleWarningCount, RuleWarningsList } from '../../insights/canvas/RuleWarningsList.tsx';

export function ProblemsPanel({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { problems, nodes, edges, validating } = useEditorState((state) => ({
    problems: state.problems,
    nodes: state.nodes,
    edges: state.edges,
    validating: state.validatedRevision !== state.revision,
  }));
  const actions = useEditorActions();
  const nodeOf = (problem: Problem) => problem.nodeId ?? (problem.edgeId ? edges.find((edge) => edge.id === problem.edgeId)?.source : undefined);
  const labelOf = (nodeId: string | undefined) => {
    const node = nodes.find((candidate) => candidate.id === nodeId);
    return node ? (findNodeSpec(node.data.kind)?.label ?? node.data.kind) : undefined;
  };
  const count = problems.length;
  return (
    <section className={`problems-panel ${count ? 'has-problems' : 'clean'}`} aria-labelledby="problems-title">
      <h2 id="problems-title">
        <button type="button" className="problems-toggle" aria-expanded={open} onClick={onToggle}>
          Problems <span className="count">{count}</span>
          <span className="muted">{validating ? ' checking…' : count === 0 ? ' — ready to publish' : ' — fix these to publish'}</span>
          <RuleWarningCount />
        </button>
      </h2>
      {open && count > 0 && (
        <ul className="problem-list" aria-label="Problems">
          {problems.map((problem, index) => {
            const nodeId = nodeOf(problem);
            const label = labelOf(nodeId);
            return (
              <li key={`${problem.code}-${nodeId ?? ''}-${index}`}>
                {nodeId && label ? (
                  <button type="button" className="problem-item" onClick={() => actions.selectNode(nodeId, true)}>
                    <strong>{label}</strong> <code>{nodeId}</code>: {problem.message}
                  </button>
                ) : (
                  <span className="problem-item">{problem.message}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open && <RuleWarningsList />}
    </section>
  );
}
