// The two decisions of one mention, field by field, the changed ones marked.
import type { Decision } from '@mentionflow/engine';
import { keyActions, queueLabel } from '../results/decision-text.ts';

const FIELDS: { label: string; read: (decision: Decision) => string }[] = [
  { label: 'Queue', read: (decision) => queueLabel(decision.queue) },
  { label: 'Priority', read: (decision) => decision.priority },
  { label: 'Tags', read: (decision) => decision.tags.join(', ') || '—' },
  { label: 'Key actions', read: (decision) => keyActions(decision).join(', ') || '—' },
];

export function DecisionCompare({ before, after }: { before: Decision; after: Decision }) {
  return (
    <table className="decision-compare">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Published</th>
          <th scope="col">Draft</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((field) => {
          const [was, now] = [field.read(before), field.read(after)];
          return (
            <tr key={field.label} className={was === now ? undefined : 'count-changed'}>
              <th scope="row">{field.label}</th>
              <td>{was}</td>
              <td>
                {now}
                {was !== now && <span className="visually-hidden"> (changed)</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
