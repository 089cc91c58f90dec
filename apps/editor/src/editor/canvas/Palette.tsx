// The palette: node types from the engine's registry that this kind of workflow allows, grouped by category.
// Click adds (wired after the selected node when it has a free output); drag drops where you release.
import { NODE_SPECS, type NodeCategory, type NodeSpec } from '@mentionflow/engine';
import { findNodeSpec } from '@mentionflow/engine';
import { useEditorActions, useEditorState } from '../store/use-editor.ts';
import { isReadOnly } from '../store/editor-store.ts';

export const PALETTE_MIME = 'application/x-mentionflow-node';

const GROUPS: { category: NodeCategory; title: string }[] = [
  { category: 'trigger', title: 'Trigger' },
  { category: 'condition', title: 'Conditions' },
  { category: 'action', title: 'Actions' },
  { category: 'stop', title: 'End' },
];

export function Palette() {
  const kind = useEditorState((state) => state.workflow.kind);
  const hasTrigger = useEditorState((state) => state.nodes.some((node) => findNodeSpec(node.data.kind)?.category === 'trigger'));
  const readOnly = useEditorState(isReadOnly);
  const viewOnly = useEditorState((state) => state.viewOnly);
  const actions = useEditorActions();
  const specs = Object.values(NODE_SPECS as Record<string, NodeSpec>).filter((spec) => spec.workflowKinds.includes(kind));

  return (
    <nav className="palette" aria-label="Node palette">
      {viewOnly && <p className="muted panel-note">Your role may look at workflows, not change them: nothing can be added.</p>}
      {GROUPS.map(({ category, title }) => {
        const items = specs.filter((spec) => spec.category === category);
        if (items.length === 0) return null;
        return (
          <section key={category} className={`palette-group category-${category}`}>
            <h2>{title}</h2>
            <ul>
              {items.map((spec) => {
                const blocked = readOnly || (category === 'trigger' && hasTrigger);
                return (
                  <li key={spec.kind}>
                    <button
                      type="button"
                      className="palette-item"
                      draggable={!blocked}
                      disabled={blocked}
                      onClick={() => actions.addNode(spec.kind)}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(PALETTE_MIME, spec.kind);
                        event.dataTransfer.effectAllowed = 'copy';
                      }}
                      aria-label={`Add ${spec.label}`}
                      title={category === 'trigger' && hasTrigger ? 'A workflow has exactly one trigger, and this one has it.' : spec.description}
                    >
                      <span className="palette-label">{spec.label}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
