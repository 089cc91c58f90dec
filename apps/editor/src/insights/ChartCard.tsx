// One chart on the dashboard: its title and what it measures, a CSV download of its data, and its loading, error and
// empty states. The card is a named region holding a figure, so each chart can be found and read on its own.
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, Loading } from '../ui/States.tsx';
import type { InsightLoad } from './use-insight.ts';

export interface ChartCardProps<T> {
  /** Stable id for the region and its labels: "volume-heatmap". */
  readonly id: string;
  readonly title: string;
  /** What is measured and in which unit. */
  readonly description: string;
  readonly load: InsightLoad<T>;
  readonly csv: { readonly href: string; readonly fileName: string };
  readonly isEmpty: (data: T) => boolean;
  readonly emptyText: string;
  readonly onRetry: () => void;
  readonly wide?: boolean;
  readonly children: (data: T) => ReactNode;
}

export function ChartCard<T>({ id, title, description, load, csv, isEmpty, emptyText, onRetry, wide = false, children }: ChartCardProps<T>) {
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  return (
    <section className={`chart-card${wide ? ' chart-card-wide' : ''}`} aria-labelledby={titleId} aria-busy={load.status === 'loading'} data-chart={id}>
      <header className="chart-card-header">
        <h3 id={titleId}>{title}</h3>
        <a className="csv-link" href={csv.href} download={csv.fileName} aria-label={`Download “${title}” as CSV`} title="The data behind this chart, for the same range and filters">
          CSV
        </a>
      </header>
      <p id={descriptionId} className="chart-description">
        {description}
      </p>
      {load.status === 'loading' && <Loading what={title.toLowerCase()} />}
      {load.status === 'error' && <ErrorState title={`“${title}” could not be loaded`} message={load.message} onRetry={onRetry} />}
      {load.status === 'ready' &&
        (isEmpty(load.data) ? (
          <EmptyState title="Nothing to show for this range">
            <p>{emptyText}</p>
          </EmptyState>
        ) : (
          <figure className="chart-figure" aria-labelledby={titleId} aria-describedby={descriptionId}>
            {children(load.data)}
          </figure>
        ))}
    </section>
  );
}
