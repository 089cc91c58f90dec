// One insight resource for the dashboard's filters: loading, then its data or why it could not be had.
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../api/http.ts';
import { fetchInsight, insightPath, type InsightQuery, type InsightResource, type InsightResources } from './insights-api.ts';

export type InsightLoad<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly data: T };

/** `attempt` changes to fetch again (the "Try again" button) with the same filters. */
export function useInsight<R extends InsightResource>(resource: R, query: InsightQuery, attempt: number): InsightLoad<InsightResources[R]> {
  const key = insightPath(resource, query);
  const [load, setLoad] = useState<{ key: string; load: InsightLoad<InsightResources[R]> }>({ key: '', load: { status: 'loading' } });

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ key, load: { status: 'loading' } });
    fetchInsight(resource, query, controller.signal)
      .then((data) => setLoad({ key, load: { status: 'ready', data } }))
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        const message =
          error instanceof ApiRequestError && error.status === 404 && error.code === 'not_found'
            ? 'This server does not offer insights yet (GET /api/insights).'
            : error instanceof ApiRequestError
              ? error.message
              : String(error);
        setLoad({ key, load: { status: 'error', message } });
      });
    return () => controller.abort();
    // `key` holds the resource and every filter: the query object itself is new on each render.
  }, [key, attempt]);

  // Until the effect has run for new filters, what we hold belongs to the old ones: show loading, not stale data.
  return load.key === key ? load.load : { status: 'loading' };
}
