// The queue: decisions arriving as open tickets, polled every few seconds; by priority or newest first, per queue.
import { useEffect, useMemo, useRef, useState } from 'react';
import { queueApi, type QueueItem } from '../../api/queue-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { describeAction, orderQueue, type QueueOrder } from './queue-order.ts';

const POLL_MS = 3000;

type Load = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; items: QueueItem[]; at: number };

export default function QueuePage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [order, setOrder] = useState<QueueOrder>('priority');
  const [queue, setQueue] = useState('');
  const seen = useRef<Set<number> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const { items } = await queueApi.list(controller.signal);
        if (!live) return;
        // Tickets that appeared since the last poll are highlighted (not on the first load: everything would be "new").
        const ids = new Set(items.map((item) => item.ticket.id));
        if (seen.current) setFresh(new Set([...ids].filter((id) => !seen.current!.has(id))));
        seen.current = ids;
        setLoad({ status: 'ready', items, at: Date.now() });
      } catch (error) {
        if (!live || (error as Error).name === 'AbortError') return;
        if (error instanceof ApiRequestError && error.status === 404) {
          setLoad({ status: 'missing' });
          return; // this server has no queue: stop asking
        }
        setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'error', message: error instanceof ApiRequestError ? error.message : String(error) }));
      }
      if (live) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
      controller.abort();
    };
  }, []);

  const items = load.status === 'ready' ? load.items : [];
  const queues = useMemo(() => [...new Set(items.map((item) => item.ticket.queue))].sort(), [items]);
  const shown = useMemo(() => orderQueue(queue ? items.filter((item) => item.ticket.queue === queue) : items, order), [items, queue, order]);

  return (
    <section className="page queue-page" aria-labelledby="queue-title">
      <header className="page-header">
        <h1 id="queue-title">Queue</h1>
        {load.status === 'ready' && (
          <p className="muted" role="status" aria-live="polite">
            {items.length} open ticket{items.length === 1 ? '' : 's'} · updated {new Date(load.at).toLocaleTimeString()} · refreshes every {POLL_MS / 1000} s
          </p>
        )}
      </header>
      <div className="filters">
        <label>
          Order
          <select value={order} onChange={(event) => setOrder(event.target.value as QueueOrder)}>
            <option value="priority">By priority, then due time</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
        <label>
          Queue
          <select value={queue} onChange={(event) => setQueue(event.target.value)}>
            <option value="">All queues</option>
            {queues.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {load.status === 'loading' && <Loading what="the queue" />}
      {load.status === 'missing' && (
        <EmptyState title="This server has no queue yet">
          <p>The queue appears here once the server offers it (GET /api/queue). Decisions are still made and stored.</p>
        </EmptyState>
      )}
      {load.status === 'error' && <ErrorState title="The queue could not be loaded" message={load.message} />}
      {load.status === 'ready' && shown.length === 0 && (
        <EmptyState title={queue ? `Nothing waiting in ${queue}` : 'Nothing waiting'}>
          <p>New mentions that a workflow routes to a queue appear here within a few seconds.</p>
        </EmptyState>
      )}
      {shown.length > 0 && (
        <ol className="queue-list" aria-label="Open tickets">
          {shown.map((item) => (
            <QueueCard key={item.ticket.id} item={item} fresh={fresh.has(item.ticket.id)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function QueueCard({ item, fresh }: { item: QueueItem; fresh: boolean }) {
  const { ticket, mention, decision } = item;
  const tags = decision?.tags ?? ticket.tags;
  return (
    <li className={`queue-card priority-${ticket.priority}${fresh ? ' fresh' : ''}${item.overdue ? ' overdue' : ''}`} aria-label={`${ticket.priority} ticket in ${ticket.queue}`}>
      <header>
        <span className={`priority-badge priority-${ticket.priority}`}>{ticket.priority}</span>
        <span className="queue-name">
          queue <strong>{ticket.queue}</strong>
        </span>
        <span className="muted">
          {mention?.channel ?? ticket.channel} · {mention?.author.handle ?? ''}
        </span>
        <time dateTime={ticket.createdAt ?? undefined} title={formatDateTime(ticket.createdAt)}>
          {formatRelative(ticket.createdAt)}
        </time>
        {item.overdue && <span className="overdue-badge">overdue</span>}
        {!item.overdue && ticket.firstResponseDueAt && <span className="muted">due {formatRelative(ticket.firstResponseDueAt)}</span>}
      </header>
      <p className="mention-text">{mention?.text ?? '(mention not found)'}</p>
      <footer>
        {tags.length > 0 && (
          <ul className="chips" aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag} className="chip">
                {tag}
              </li>
            ))}
          </ul>
        )}
        {decision && decision.actions.length > 0 && (
          <ul className="actions-list" aria-label="Actions">
            {decision.actions.map((action, index) => (
              <li key={index}>{describeAction(action)}</li>
            ))}
          </ul>
        )}
      </footer>
    </li>
  );
}
