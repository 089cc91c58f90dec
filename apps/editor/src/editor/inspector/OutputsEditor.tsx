// Where each output of a node leads, and a keyboard way to connect or disconnect it (dragging handles needs a mouse).
import { useId } from 'react';
import { findNodeSpec } from '@mentionflow/engine';
import { useEditorActions, useEditorState } from '../store/use-editor.ts';
import { summarizeNode } from '../graph/node-summary.ts';

const HANDLE_WORDS: Record<string, string> = { yes: 'When yes', no: 'When no', out: 'Then' };

export function OutputsEditor({ nodeId, outputs, readOnly }: { nodeId: string; outputs: readonly string[]; readOnly: boolean }) {
  const id = useId();
  const { edges, nodes } = useEditorState((state) => ({ edges: state.edges, nodes: state.nodes }));
  const actions = useEditorActions();
  if (outputs.length === 0) return null;
  const label = (targetId: string) => {
    const node = nodes.find((candidate) => candidate.id === targetId);
    if (!node) return targetId;
    return `${findNodeSpec(node.data.kind)?.label ?? node.data.kind}: ${summarizeNode(node.data.kind, node.data.values)}`;
  };
  const candidates = nodes.filter((node) => node.id !== nodeId && findNodeSpec(node.data.kind)?.category !== 'trigger');

  return (
    <section className="outputs" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Connections</h3>
      {outputs.map((handle) => {
        const leaving = edges.filter((edge) => edge.source === nodeId && edge.sourceHandle === handle);
        const free = candidates.filter((node) => !leaving.some((edge) => edge.target === node.id));
        return (
          <div key={handle} className={`output output-${handle}`}>
            <h4>{HANDLE_WORDS[handle] ?? handle} →</h4>
            {leaving.length === 0 ? (
              <p className="muted">not connected</p>
            ) : (
              <ul>
                {leaving.map((edge) => (
                  <li key={edge.id}>
                    <button type="button" className="link-button" onClick={() => actions.selectNode(edge.target, true)}>
                      {label(edge.target)}
                    </button>
                    {!readOnly && (
                      <button type="button" className="icon-button" aria-label={`Disconnect ${handle} from ${label(edge.target)}`} onClick={() => actions.onEdgesChange([{ type: 'remove', id: edge.id }])}>
                        ×
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && free.length > 0 && (
              <label className="inline">
                Connect “{handle}” to
                <select value="" onChange={(event) => event.target.value && actions.connect({ source: nodeId, sourceHandle: handle, target: event.target.value, targetHandle: null })}>
                  <option value="">choose a node…</option>
                  {free.map((node) => (
                    <option key={node.id} value={node.id}>
                      {label(node.id)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        );
      })}
    </section>
  );
}
