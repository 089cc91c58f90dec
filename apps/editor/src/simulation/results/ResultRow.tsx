// One mention's row: both decisions side by side (queue, priority, tags, key actions), changed rows marked in words
// as well as colour. Memoised: while a run streams, rows already shown do not re-render.
import { memo } from 'react';
import type { CompareRow } from '../compare-types.ts';
import { keyActions, queueLabel } from './decision-text.ts';

export const ROW_HEIGHT = 36;

function FromTo({ from, to, testId }: { from: string; to: string; testId: string }) {
  if (from === to) return <span data-testid={testId}>{to}</span>;
  return (
    <span className="from-to" data-testid={testId} aria-label={`${from}, now ${to}`}>
      <s>{from}</s> → <strong>{to}</strong>
    </span>
  );
}

const added = (after: readonly string[], before: readonly string[]) => after.filter((item) => !before.includes(item));

function ListChange({ before, after, plus, minus }: { before: readonly string[]; after: readonly string[]; plus?: readonly string[]; minus?: readonly string[] }) {
  const gained = plus ?? added(after, before);
  const lost = minus ?? added(before, after);
  if (gained.length === 0 && lost.length === 0) return <span className="muted">{after.join(', ') || '—'}</span>;
  return (
    <span className="list-change">
      {gained.map((item) => (
        <span key={`+${item}`} className="gained">
          +{item}
        </span>
      ))}
      {lost.map((item) => (
        <span key={`-${item}`} className="lost">
          −{item}
        </span>
      ))}
    </span>
  );
}

export const ResultRow = memo(function ResultRow({ row, selected, onSelect }: { row: CompareRow; selected: boolean; onSelect: (index: number) => void }) {
  const { before, after, change } = row;
  const classes = ['sim-row', change.changed ? 'row-changed' : 'row-same', selected ? 'row-selected' : ''].filter(Boolean).join(' ');
  return (
    <tr className={classes} data-index={row.index} data-changed={change.changed} aria-selected={selected} onClick={() => onSelect(row.index)} style={{ height: ROW_HEIGHT }}>
      <td className="num">{row.index + 1}</td>
      <td className="sim-mention" title={row.text}>
        <button type="button" className="link-button" aria-label={`Explain mention ${row.mentionId}`} aria-pressed={selected} onClick={(event) => (event.stopPropagation(), onSelect(row.index))}>
          <span className="channel-badge">{row.channel}</span> {row.text}
        </button>
      </td>
      <td>
        <FromTo from={queueLabel(before.queue)} to={queueLabel(after.queue)} testId="queue" />
      </td>
      <td>
        <FromTo from={before.priority} to={after.priority} testId="priority" />
      </td>
      <td>
        <ListChange before={before.tags} after={after.tags} plus={change.tagsAdded} minus={change.tagsRemoved} />
      </td>
      <td>
        <ListChange before={keyActions(before)} after={keyActions(after)} />
      </td>
      <td>{change.changed ? <span className="change-badge" title={change.fields.join(', ')}>changed</span> : <span className="muted">same</span>}</td>
    </tr>
  );
});
