// Add a person: name, email, role, the queue agent they work as (an agent needs one to work the queue) and a first
// password (they can change it once signed in).
import { useId, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { usersApi, type User } from '../../api/users-api.ts';
import type { Role } from '@mentionflow/engine';
import { looksLikeEmail, passwordProblem } from '../../access/password-rules.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SubmitActions } from '../../ui/DialogActions.tsx';
import { agentIdRefusal } from './agent-link.ts';
import { AgentSelect } from './AgentSelect.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import type { QueueAgents } from './use-queue-agents.ts';

export function NewUserDialog({ queueAgents, onClose, onCreated }: { queueAgents: QueueAgents; onClose: () => void; onCreated: (user: User) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [agentRefusal, setAgentRefusal] = useState<string | null>(null);
  const agentField = useId();
  const problem = password ? passwordProblem(password) : null;
  const ready = name.trim() !== '' && looksLikeEmail(email) && passwordProblem(password) === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setRefusal(null);
    setAgentRefusal(null);
    try {
      onCreated(await usersApi.create({ name: name.trim(), email: email.trim(), role, password, ...(agentId !== null ? { agentId } : {}) }));
    } catch (error) {
      const onAgent = agentIdRefusal(error);
      if (onAgent) setAgentRefusal(onAgent);
      else setRefusal(error instanceof ApiRequestError && error.status === 409 ? `Someone already signs in as ${email.trim()}.` : error instanceof ApiRequestError ? error.message : String(error));
      setBusy(false);
    }
  };

  // An agent works the queue only as the agent they are linked to; other roles may be linked too (a lead who also answers).
  const agentHelp = queueAgents.problem
    ? `The queue agents could not be loaded (${queueAgents.problem}); link them later from the list.`
    : role !== 'agent'
      ? 'Optional for this role: they would claim, reply and decide approvals as this agent.'
      : agentId === null
        ? 'An agent can sign in but can’t work the queue until linked to a queue agent.'
        : 'They claim, reply and decide approvals as this agent, and as no one else.';

  return (
    <Dialog title="Add a user" open onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required autoFocus />
        </label>
        <label>
          Email
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} aria-invalid={email !== '' && !looksLikeEmail(email)} required />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        <div className="field">
          <label htmlFor={agentField}>Queue agent</label>
          <AgentSelect
            id={agentField}
            agents={queueAgents.agents}
            value={agentId}
            onChange={(next) => {
              setAgentId(next);
              setAgentRefusal(null);
            }}
            invalid={agentRefusal !== null}
            describedBy={`${agentField}-help`}
          />
          {agentRefusal ? (
            <small id={`${agentField}-help`} role="alert" className="field-error">
              {agentRefusal}
            </small>
          ) : (
            <small id={`${agentField}-help`} className={role === 'agent' && agentId === null ? 'help help-warn' : 'help'}>
              {agentHelp}
            </small>
          )}
        </div>
        <label>
          First password
          <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={problem !== null} required />
          <small className="help">{problem ?? 'Give it to them privately; they can change it from the header once signed in.'}</small>
        </label>
        <SubmitActions error={refusal} busy={busy} disabled={!ready} label="Add user" busyLabel="Adding…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
