// Where mentions went: one row per published decision, one column per draft decision; the diagonal stayed put.
import type { Dimension, MatrixTable } from './summary-tables.ts';

const label = (key: string) => (key === '(none)' ? 'no queue' : key);

export function ChangeMatrix({ table, dimension }: { table: MatrixTable; dimension: Dimension }) {
  if (table.total === 0) return <p className="muted">Nothing to compare.</p>;
  const noun = dimension === 'queue' ? 'queue' : 'priority';
  return (
    <table className="sim-matrix-table" aria-label={`Mentions by published ${noun} (rows) and draft ${noun} (columns)`}>
      <caption>
        {table.moved} moved to another {noun}
      </caption>
      <thead>
        <tr>
          <th scope="col">Published ↓ · Draft →</th>
          {table.to.map((key) => (
            <th key={key} scope="col">
              {label(key)}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {table.from.map((source, i) => (
          <tr key={source}>
            <th scope="row">{label(source)}</th>
            {table.to.map((target, j) => {
              const count = table.cells[i]![j]!;
              const kind = count === 0 ? 'empty' : source === target ? 'same' : 'moved';
              return (
                <td key={target} className={`cell-${kind}`} title={count ? `${count} from ${label(source)} to ${label(target)}` : undefined}>
                  {count || ''}
                </td>
              );
            })}
            <td className="total">{table.rowTotals[i]}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {table.columnTotals.map((count, j) => (
            <td key={table.to[j]} className="total">
              {count}
            </td>
          ))}
          <td className="total">{table.total}</td>
        </tr>
      </tfoot>
    </table>
  );
}
