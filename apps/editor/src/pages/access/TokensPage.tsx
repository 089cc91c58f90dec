// /tokens (admins): API tokens for integrations and scripts — which role each has, when it was last used, when it
// expires — create one (its secret is shown once) and revoke one.
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { tokensApi, type ApiToken } from '../../api/tokens-api.ts';
import { ROLE_LABELS } from '@mentionflow/engine';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { NewTokenDialog } from './NewTokenDialog.tsx';
import { RevokeTokenDialog } from './RevokeTokenDialog.tsx';
import { tokenStatus } from './token-status.ts';
import './access.css';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tokens: ApiToken[] };

function When({ at, never = 'never' }: { at: string | null; never?: string }) {
  if (!at) return <span className="muted">{never}</span>;
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at)}
    </time>
  );
}

export default function TokensPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'revoke'; token: ApiToken } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const controller = new AbortController();
    tokensApi
      .list(controller.signal)
      .then((tokens) => setLoad({ status: 'ready', tokens }))
      .catch((error: unknown) => (error as Error).name !== 'AbortError' && setLoad({ status: 'error', message: error instanceof ApiRequestError ? error.message : String(error) }));
    return () => controller.abort();
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <section className="page access-page" aria-labelledby="tokens-title">
      <header className="page-header">
        <h1 id="tokens-title">API tokens</h1>
        <div className="page-actions">
          <button type="button" className="primary" onClick={() => (setMessage(null), setDialog({ kind: 'new' }))}>
            New token
          </button>
        </div>
      </header>
      <p className="muted">
        Scripts and integrations send a token as <code>authorization: Bearer mf_…</code>. Each acts with its role, within its rate limit, until it expires or is
        revoked.
      </p>
      {message && (
        <p role="status" className="notice-ok">
          {message}
        </p>
      )}
      {load.status === 'loading' && <Loading what="API tokens" />}
      {load.status === 'error' && <ErrorState title="The API tokens could not be loaded" message={load.message} onRetry={refresh} />}
      {load.status === 'ready' && load.tokens.length === 0 && (
        <EmptyState title="No API tokens yet">
          <p>Create one for each integration, so each can be revoked on its own.</p>
        </EmptyState>
      )}
      {load.status === 'ready' && load.tokens.length > 0 && (
        <table className="access-table">
          <caption className="visually-hidden">API tokens ({load.tokens.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Role</th>
              <th scope="col">Rate limit</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {load.tokens.map((token) => {
              const status = tokenStatus(token);
              return (
                <tr key={token.id} className={status === 'active' ? undefined : 'row-disabled'}>
                  <th scope="row">
                    <strong>{token.name}</strong>
                    <p className="row-description">
                      created <When at={token.createdAt} />
                      {token.createdBy ? ` by ${token.createdBy}` : ''}
                    </p>
                  </th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{ROLE_LABELS[token.role]}</td>
                  <td>{token.rateLimitPerMinute.toLocaleString()}/min</td>
                  <td>
                    <When at={token.lastUsedAt} />
                  </td>
                  <td>
                    <When at={token.expiresAt} />
                  </td>
                  <td>
                    <span className={`status-badge token-${status}`} title={status === 'revoked' && token.revokedAt ? `revoked ${formatDateTime(token.revokedAt)}` : undefined}>
                      {status}
                    </span>
                  </td>
                  <td className="row-actions">
                    {status !== 'revoked' && (
                      <button type="button" className="danger" onClick={() => (setMessage(null), setDialog({ kind: 'revoke', token }))} aria-label={`Revoke ${token.name}`}>
                        Revoke…
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'new' && <NewTokenDialog onClose={() => setDialog(null)} onCreated={() => refresh()} />}
      {dialog?.kind === 'revoke' && (
        <RevokeTokenDialog
          token={dialog.token}
          onClose={() => setDialog(null)}
          onRevoked={(token) => {
            setDialog(null);
            setMessage(`“${token.name}” is revoked.`);
            refresh();
          }}
        />
      )}
    </section>
  );
}
