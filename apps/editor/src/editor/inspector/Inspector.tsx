// The side panel for the selection: one node's generated form, summary, path sentences and connections;
// several nodes' shared actions; or, with nothing selected, the workflow's own name and description.
import { useMemo } from 'react';
import { findNodeSpec, type Problem } from '@mentionflow/engine';
import { useEditorActions, useEditorState } from '../store/use-editor.ts';
import { graphOf } from '../store/editor-store.ts';
import { summarizeNode } from '../graph/node-summary.ts';
import { pathSentences } from '../graph/path-sentence.ts';
import { NodeForm } from './NodeForm.tsx';
import { OutputsEditor } from './OutputsEditor.tsx';
import { WorkflowProperties } from './WorkflowProperties.tsx';

const NO_PROBLEMS: readonly Problem[] = [];

export function Inspector() {
  // A top-level array of ids: useShallow compares it item by item, so the panel re-renders only when the selection changes.
  const selected = useEditorState((state) => state.nodes.filter((node) => node.selected).map((node) => node.id));
  const comparing = useEditorState((state) => state.diffView !== null);
  // Someone who may only look still reads every node's settings, in disabled fields.
  const viewOnly = useEditorState((state) => state.viewOnly);
  if (comparing) return <p className="muted panel-note">Close the comparison to edit.</p>;
  if (selected.length === 0) return <WorkflowProperties readOnly={viewOnly} />;
  if (selected.length > 1) return <MultiSelection count={selected.length} readOnly={viewOnly} />;
  return <NodeInspector key={selected[0]!} nodeId={selected[0]!} readOnly={viewOnly} />;
}

function MultiSelection({ count, readOnly }: { count: number; readOnly: boolean }) {
  const actions = useEditorActions();
  if (readOnly) {
    return (
      <div className="inspector">
        <h2>{count} nodes selected</h2>
      </div>
    );
  }
  return (
    <div className="inspector">
      <h2>{count} nodes selected</h2>
      <p className="muted">Drag any of them to move them together.</p>
      <div className="button-row">
        <button type="button" onClick={() => actions.copy()}>
          Copy
        </button>
        <button type="button" className="danger" onClick={() => actions.deleteSelection()}>
          Delete {count} nodes
        </button>
      </div>
    </div>
  );
}

function NodeInspector({ nodeId, readOnly }: { nodeId: string; readOnly: boolean }) {
  const actions = useEditorActions();
  const { nodes, edges, problems, parameters } = useEditorState((state) => ({
    nodes: state.nodes,
    edges: state.edges,
    problems: state.problemsByNode[nodeId] ?? NO_PROBLEMS,
    parameters: state.parameters,
  }));
  const node = nodes.find((candidate) => candidate.id === nodeId);
  const sentences = useMemo(() => pathSentences(graphOf({ nodes, edges }), nodeId), [nodes, edges, nodeId]);
  if (!node) return null;
  const spec = findNodeSpec(node.data.kind);
  if (!spec) {
    return (
      <div className="inspector" role="alert">
        <h2>Unknown node type “{node.data.kind}”</h2>
        <p>This node cannot be edited here; delete it or fix the workflow’s JSON.</p>
      </div>
    );
  }
  const formProblems = problems.filter((found) => found.path && found.path.length > 0);
  const otherProblems = problems.filter((found) => !found.path || found.path.length === 0);
  return (
    <section className="inspector" aria-labelledby="inspector-node-title">
      <header className={`inspector-header category-${spec.category}`}>
        <span className="category">{spec.category}</span>
        <h2 id="inspector-node-title">{spec.label}</h2>
        <code className="node-id" title="The node’s stable id">
          {node.id}
        </code>
      </header>
      <p className="description">{spec.description}</p>
      <p className="summary" aria-label="Summary">
        {summarizeNode(node.data.kind, node.data.values)}
      </p>
      {otherProblems.length > 0 && (
        <ul className="node-problems" aria-label="Problems of this node">
          {otherProblems.map((found, index) => (
            <li key={index}>{found.message}</li>
          ))}
        </ul>
      )}
      <NodeForm
        nodeId={node.id}
        spec={spec}
        values={node.data.values}
        problems={formProblems}
        parameters={parameters}
        onChange={(name, value) => actions.updateValues(node.id, name, value)}
        readOnly={readOnly}
      />
      <OutputsEditor nodeId={node.id} outputs={spec.outputs} readOnly={readOnly} />
      {sentences.length > 0 && (
        <section className="paths" aria-label="Paths to this node">
          <h3>In words</h3>
          <ul>
            {sentences.map((sentence, index) => (
              <li key={index}>{sentence}</li>
            ))}
          </ul>
        </section>
      )}
      {!readOnly && (
        <div className="button-row">
          <button type="button" onClick={() => actions.copy()}>
            Copy
          </button>
          <button type="button" className="danger" onClick={() => actions.deleteSelection()}>
            Delete node
          </button>
        </div>
      )}
    </section>
  );
}
