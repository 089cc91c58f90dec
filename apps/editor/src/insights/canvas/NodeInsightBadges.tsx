// What insights add to a canvas node: its hit count over the chosen range (or "never fired" for an action that did
// not fire), a yellow warning badge when static analysis has something to say about it, and the class that outlines it.
import { memo, useMemo } from 'react';
import { useEditorState } from '../../editor/store/use-editor.ts';
import { hitBadgeFor } from './hit-badges.ts';

/** The node's class for warnings: `related-highlight` when a chosen warning points at it, `has-warnings` when it has some. */
export function useNodeInsightClass(nodeId: string): string {
  return useEditorState((state) => {
    if (state.diffView) return '';
    if (state.relatedNodeIds.has(nodeId)) return 'related-highlight';
    return state.ruleWarnings.some((warning) => warning.workflowId === state.workflow.id && warning.nodeId === nodeId) ? 'has-warnings' : '';
  });
}

export const NodeInsightBadges = memo(function NodeInsightBadges({ nodeId }: { nodeId: string }) {
  const { ruleHits, warnings } = useEditorState((state) => ({
    ruleHits: state.diffView ? null : state.ruleHits,
    // One string, not an array: the selector's result is compared shallowly.
    warnings: state.diffView
      ? ''
      : state.ruleWarnings
          .filter((warning) => warning.workflowId === state.workflow.id && warning.nodeId === nodeId)
          .map((warning) => warning.message)
          .join('\n'),
  }));
  const badge = useMemo(() => hitBadgeFor(nodeId, ruleHits), [nodeId, ruleHits]);
  const count = warnings ? warnings.split('\n').length : 0;
  return (
    <>
      {count > 0 && (
        <span className="warning-badge" role="img" aria-label={`${count} warning${count === 1 ? '' : 's'}`} title={`${count === 1 ? 'Warning' : 'Warnings'} (publishing is not blocked):\n${warnings}`}>
          ⚠{count > 1 ? ` ${count}` : ''}
        </span>
      )}
      {badge && (
        <span className={`hit-badge hit-badge-${badge.tone}`} role="img" aria-label={badge.label} title={badge.label} data-testid="hit-badge">
          {badge.tone === 'never' ? '○ ' : '▸ '}
          {badge.text}
        </span>
      )}
    </>
  );
});
