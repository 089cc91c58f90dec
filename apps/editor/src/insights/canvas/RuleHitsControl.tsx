// The canvas toolbar's "Hit counts" selector: fetches how often the published version's nodes fired over the last
// 7, 30 or 90 days (/api/insights/rules) and hands the counts to the editor store, whose nodes show them as badges.
import { useEffect, useId, useState } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { useEditorActions, useEditorState } from '../../editor/store/use-editor.ts';
import { fetchInsight } from '../insights-api.ts';
import { DEFAULT_FILTERS, queryOf, RANGE_PRESETS, rangeLabel, type RangePreset } from '../insight-filters.ts';
import { ruleHitsOf } from './hit-badges.ts';
import './canvas-insights.css';

type Status = 'off' | 'loading' | 'ready' | 'unpublished' | 'unavailable' | 'error';

// Short: the toolbar is crowded. The select's title says the rest.
const STATUS_TEXT: Record<Status, string> = {
  off: '',
  loading: 'counting…',
  ready: '',
  unpublished: 'not published',
  unavailable: 'unavailable',
  error: 'not loaded',
};
const STATUS_TITLE: Record<Status, string> = {
  off: 'Hit counts are hidden.',
  loading: 'Counting…',
  ready: 'How often each node of the published version fired: shown as badges on the nodes.',
  unpublished: 'Only a published version fires: publish this workflow to count its hits.',
  unavailable: 'This server does not count rule hits (GET /api/insights/rules).',
  error: 'The hit counts could not be loaded.',
};

export function RuleHitsControl() {
  const id = useId();
  const actions = useEditorActions();
  const { workflowId, publishedVersion } = useEditorState((state) => ({ workflowId: state.workflow.id, publishedVersion: state.workflow.publishedVersion }));
  const [days, setDays] = useState<RangePreset | 0>(30);
  const [status, setStatus] = useState<Status>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!days) {
      actions.setRuleHits(null);
      setStatus('off');
      return;
    }
    if (publishedVersion === null) {
      actions.setRuleHits(null);
      setStatus('unpublished');
      return;
    }
    const controller = new AbortController();
    const range = { kind: 'last', days } as const;
    setStatus('loading');
    fetchInsight('rules', queryOf({ ...DEFAULT_FILTERS, range }, new Date()), controller.signal)
      .then((insights) => {
        const hits = ruleHitsOf(insights, workflowId, rangeLabel(range));
        actions.setRuleHits(hits);
        setStatus(hits ? 'ready' : 'unpublished');
      })
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        actions.setRuleHits(null);
        setStatus(error instanceof ApiRequestError && error.status === 404 ? 'unavailable' : 'error');
      });
    return () => controller.abort();
  }, [days, workflowId, publishedVersion, actions, attempt]);

  return (
    <div className="toolbar-group hit-counts" title={STATUS_TITLE[status]}>
      <label htmlFor={id} aria-label="Hit counts">
        Hits
      </label>
      <select id={id} value={days} onChange={(event) => setDays(Number(event.target.value) as RangePreset | 0)} aria-describedby={`${id}-status`}>
        <option value={0}>Off</option>
        {RANGE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {preset} days
          </option>
        ))}
      </select>
      <span id={`${id}-status`} className={`hit-counts-status status-${status}`} role="status">
        {STATUS_TEXT[status]}
      </span>
      {status === 'error' && (
        <button type="button" className="link-button" onClick={() => setAttempt(attempt + 1)}>
          retry
        </button>
      )}
    </div>
  );
}
