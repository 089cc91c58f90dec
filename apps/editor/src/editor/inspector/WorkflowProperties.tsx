// With nothing selected: the workflow's name and description, and how to get going (read-only for those who may only look).
import { useEditorActions, useEditorState } from '../store/use-editor.ts';

export function WorkflowProperties({ readOnly = false }: { readOnly?: boolean }) {
  const { name, description, kind, id, nodeCount } = useEditorState((state) => ({
    name: state.workflow.name,
    description: state.workflow.description,
    kind: state.workflow.kind,
    id: state.workflow.id,
    nodeCount: state.nodes.length,
  }));
  const actions = useEditorActions();
  return (
    <div className="inspector">
      <h2>Workflow</h2>
      <div className="field">
        <label htmlFor="workflow-name">Name</label>
        <input id="workflow-name" value={name} readOnly={readOnly} onChange={(event) => actions.setMeta({ name: event.target.value })} />
        {!name.trim() && <small className="field-error">A workflow needs a name.</small>}
      </div>
      <div className="field">
        <label htmlFor="workflow-description">Description</label>
        <textarea id="workflow-description" rows={3} value={description} readOnly={readOnly} onChange={(event) => actions.setMeta({ description: event.target.value })} />
      </div>
      <p className="muted">
        A {kind} workflow, id <code>{id}</code>, {nodeCount} node{nodeCount === 1 ? '' : 's'}.
      </p>
      {readOnly ? (
        <p className="hint">Select a node to read its settings and where its outputs lead.</p>
      ) : (
        <p className="hint">
          Select a node to edit it. Add nodes from the palette: click one to add it after the selected node (already connected), or drag it onto the
          canvas. Press <kbd>?</kbd> for shortcuts.
        </p>
      )}
    </div>
  );
}
