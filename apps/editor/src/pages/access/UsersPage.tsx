// /users (admins): everyone who signs in, with their role, the queue agent they work as and whether they may; add
// people, change roles and agent links, disable or enable, reset a password. The server keeps at least one active
// admin and says so when refusing.
import { useCallback, useEffect, useState } from 'react';
import type { Agent } from '../../api/agents-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { usersApi, type User, type UserChange } from '../../api/users-api.ts';
import { ROLE_LABELS, ROLES, type Role } from '@mentionflow/engine';
import { refreshSession } from '../../access/session-actions.ts';
import { useSession } from '../../access/session.ts';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { agentIdRefusal, agentLabel, agentSummary, needsAgentLink } from './agent-link.ts';
import { AgentSelect } from './AgentSelect.tsx';
import { NewUserDialog } from './NewUserDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import { useQueueAgents } from './use-queue-agents.ts';
import './access.css';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; users: User[] };

/** The server's refusal in words; `last_admin` keeps its own message (which admin, why). */
function refusalText(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return String(error);
  if (error.code === 'last_admin' && !error.message) return 'Mentionflow needs at least one active admin: make someone else admin first.';
  return error.message;
}

/** What an agent link change did, in a sentence. Their sessions end: they sign in again as the new agent. */
function linkDone(user: User, agentId: string | null, agents: readonly Agent[]): string {
  if (agentId === null) return `${user.name} is no longer linked to a queue agent and is signed out.`;
  const agent = agents.find((candidate) => candidate.id === agentId);
  return `${user.name} now works the queue as ${agent ? agentLabel(agent) : agentId} and is signed out.`;
}

export default function UsersPage() {
  const me = useSession()?.user;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'reset'; user: User } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** A refused agent link, shown on that row's field. */
  const [agentRefusal, setAgentRefusal] = useState<{ userId: number; text: string } | null>(null);
  const queueAgents = useQueueAgents();

  const refresh = useCallback(() => {
    const controller = new AbortController();
    usersApi
      .list(controller.signal)
      .then((users) => setLoad({ status: 'ready', users }))
      .catch((error: unknown) => (error as Error).name !== 'AbortError' && setLoad({ status: 'error', message: refusalText(error) }));
    return () => controller.abort();
  }, []);
  useEffect(refresh, [refresh]);

  const change = async (user: User, update: UserChange, done: string) => {
    setMessage(null);
    setAgentRefusal(null);
    try {
      const saved = await usersApi.update(user.id, update);
      setLoad((current) => (current.status === 'ready' ? { status: 'ready', users: current.users.map((other) => (other.id === saved.id ? saved : other)) } : current));
      setMessage({ ok: true, text: done });
      // Your own role or access changed: what the header and pages offer changes with it.
      if (user.id === me?.id) await refreshSession();
    } catch (error) {
      const onAgent = 'agentId' in update ? agentIdRefusal(error) : null;
      if (onAgent) setAgentRefusal({ userId: user.id, text: onAgent });
      else setMessage({ ok: false, text: refusalText(error) });
      refresh(); // the selects show what the server kept
    }
  };

  return (
    <section className="page access-page" aria-labelledby="users-title">
      <header className="page-header">
        <h1 id="users-title">Users</h1>
        <div className="page-actions">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
            Add a user
          </button>
        </div>
      </header>
      <p className="muted">
        Everyone who signs in to Mentionflow. A role decides what they may do; an agent works the queue as the queue agent they are linked to. Disabling someone signs them out and keeps their
        history.
      </p>
      {queueAgents.problem && <p className="notice">The queue agents could not be loaded ({queueAgents.problem}): agent links show by id only.</p>}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice-ok' : 'state state-error'}>
          {message.text}
        </p>
      )}
      {load.status === 'loading' && <Loading what="users" />}
      {load.status === 'error' && <ErrorState title="The users could not be loaded" message={load.message} onRetry={refresh} />}
      {load.status === 'ready' && (
        <table className="access-table">
          <caption className="visually-hidden">Users ({load.users.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Queue agent</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {load.users.map((user) => (
              <tr key={user.id} className={user.disabled ? 'row-disabled' : undefined}>
                <th scope="row">
                  <strong>{user.name}</strong>
                  {user.id === me?.id && <span className="you-badge">you</span>}
                  <p className="row-description">{user.email}</p>
                </th>
                <td>
                  <select
                    aria-label={`Role of ${user.name}`}
                    value={user.role}
                    onChange={(event) => void change(user, { role: event.target.value as Role }, `${user.name} is now ${ROLE_LABELS[event.target.value as Role]}.`)}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <AgentCell
                  user={user}
                  agents={queueAgents.agents}
                  refusal={agentRefusal?.userId === user.id ? agentRefusal.text : null}
                  onChange={(agentId) => void change(user, { agentId }, linkDone(user, agentId, queueAgents.agents))}
                />
                <td>
                  <span className={user.disabled ? 'status-badge status-disabled' : 'status-badge status-published'}>{user.disabled ? 'disabled' : 'active'}</span>
                </td>
                <td>
                  {user.lastSignInAt ? (
                    <time dateTime={user.lastSignInAt} title={formatDateTime(user.lastSignInAt)}>
                      {formatRelative(user.lastSignInAt)}
                    </time>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td>
                  <time dateTime={user.createdAt} title={formatDateTime(user.createdAt)}>
                    {formatRelative(user.createdAt)}
                  </time>
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setDialog({ kind: 'reset', user })} aria-label={`Reset the password of ${user.name}`}>
                    Reset password…
                  </button>
                  <button
                    type="button"
                    className={user.disabled ? undefined : 'danger'}
                    onClick={() => void change(user, { disabled: !user.disabled }, user.disabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out.`)}
                    aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'new' && (
        <NewUserDialog
          queueAgents={queueAgents}
          onClose={() => setDialog(null)}
          onCreated={(user) => {
            setDialog(null);
            setMessage({ ok: true, text: `${user.name} is added as ${ROLE_LABELS[user.role]}. They sign in with ${user.email}.` });
            setAgentRefusal(null);
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** A row's queue agent: the select, what the linked agent does, the server's refusal, or why an agent can't work yet. */
function AgentCell({ user, agents, refusal, onChange }: { user: User; agents: readonly Agent[]; refusal: string | null; onChange: (agentId: string | null) => void }) {
  const linked = user.agentId === null ? undefined : agents.find((agent) => agent.id === user.agentId);
  const errorId = `agent-refusal-${user.id}`;
  return (
    <td className="agent-cell">
      <AgentSelect agents={agents} value={user.agentId} onChange={onChange} label={`Queue agent of ${user.name}`} invalid={refusal !== null} {...(refusal ? { describedBy: errorId } : {})} />
      {refusal && (
        <p id={errorId} role="alert" className="field-error">
          {refusal}
        </p>
      )}
      {linked && <p className="row-description">{agentSummary(linked)}</p>}
      {needsAgentLink(user) && (
        <span className="status-badge agent-unlinked" title="Claims, replies and approvals are refused until an admin links this person to a queue agent.">
          can’t work the queue until linked
        </span>
      )}
    </td>
  );
}
