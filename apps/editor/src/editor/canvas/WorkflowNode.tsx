// The one node component: its look comes from the node's spec (category, label, outputs) and the engine's summary.
// Problems show as a red outline with a count; comparisons mark nodes added, removed or changed; a simulated
// mention's path marks nodes reached, unreached, or where a rule stopped, and the branch each condition took.
import { memo, useMemo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { findNodeSpec } from '@mentionflow/engine';
import type { FlowNode } from '../graph/flow-mapping.ts';
import { summarizeNode } from '../graph/node-summary.ts';
import { useEditorState } from '../store/use-editor.ts';
import { nodePathState } from '../store/path-view.ts';
import { NodeInsightBadges, useNodeInsightClass } from '../../insights/canvas/NodeInsightBadges.tsx';

const MARK_WORDS = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved' } as const;

export const WorkflowNode = memo(function WorkflowNode({ id, data, selected }: NodeProps<FlowNode>) {
  const spec = findNodeSpec(data.kind);
  const problemCount = useEditorState((state) => (state.diffView ? 0 : (state.problemsByNode[id]?.length ?? 0)));
  const mark = useEditorState((state) => state.diffView?.marks[id]);
  const changedFields = useEditorState((state) => state.diffView?.fields[id]);
  const insightClass = useNodeInsightClass(id);
  const path = useEditorState((state) => (state.pathView && !state.diffView ? nodePathState(state.pathView, id) : null));
  const outcome = useEditorState((state) => (state.diffView ? undefined : state.pathView?.outcomes[id]));
  const stopped = useEditorState((state) => (state.diffView ? undefined : state.pathView?.stops[id]));
  const summary = useMemo(() => summarizeNode(data.kind, data.values), [data.kind, data.values]);
  const category = spec?.category ?? 'unknown';
  const outputs = spec?.outputs ?? [];
  const classes = ['wf-node', `category-${category}`, selected ? 'selected' : '', problemCount ? 'has-problems' : '', mark ? `diff-${mark}` : '', insightClass, path ? `path-${path}` : ''];

  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-${id}`} data-path={path ?? undefined} data-outcome={outcome}>
      {category !== 'trigger' && <Handle type="target" position={Position.Left} className="handle-in" aria-label="input" />}
      <header className="wf-node-header">
        <span className="wf-node-category">{category}</span>
        <span className="wf-node-label">{spec?.label ?? `Unknown “${data.kind}”`}</span>
        {problemCount > 0 && (
          <span className="problem-badge" role="img" aria-label={`${problemCount} problem${problemCount === 1 ? '' : 's'}`} title={`${problemCount} problem${problemCount === 1 ? '' : 's'}: see the Problems panel`}>
            {problemCount}
          </span>
        )}
        <NodeInsightBadges nodeId={id} />
        {mark && <span className={`diff-badge diff-badge-${mark}`}>{MARK_WORDS[mark]}</span>}
      </header>
      <p className="wf-node-summary">{summary}</p>
      {path && path !== 'unreached' && (
        <p className="wf-node-path">
          {outcome ? <span className={`path-badge path-badge-${outcome}`}>took “{outcome}”</span> : <span className="path-badge">reached</span>}
          {stopped && stopped.length > 0 && (
            <span className="path-badge path-badge-stopped" title={`Rules that stopped here: ${stopped.join(', ')}`}>
              stopped {stopped.length} rule{stopped.length === 1 ? '' : 's'}
            </span>
          )}
        </p>
      )}
      {changedFields && changedFields.length > 0 && <p className="wf-node-changed">changed: {changedFields.join(', ')}</p>}
      {outputs.map((handle, index) => {
        const top = outputs.length === 1 ? '50%' : `${((index + 1) * 100) / (outputs.length + 1)}%`;
        return (
          <div key={handle}>
            {outputs.length > 1 && (
              <span className={`handle-label handle-label-${handle}`} style={{ top }}>
                {handle}
              </span>
            )}
            <Handle type="source" id={handle} position={Position.Right} style={{ top }} className={`handle-out handle-${handle}`} aria-label={`output ${handle}`} />
          </div>
        );
      })}
    </div>
  );
});
