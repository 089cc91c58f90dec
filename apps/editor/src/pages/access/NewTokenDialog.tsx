// Create an API token: a name saying what uses it, a role, an optional rate limit and a lifetime. The answer holds
// the secret, shown here once.
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { tokensApi, type ApiToken } from '../../api/tokens-api.ts';
import type { Role } from '@mentionflow/engine';
import { Dialog } from '../../ui/Dialog.tsx';
import { SubmitActions } from '../../ui/DialogActions.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { TokenSecret } from './TokenSecret.tsx';
import { expiryOf, TOKEN_LIFETIMES } from './token-status.ts';

export function NewTokenDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (token: ApiToken) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('integration');
  const [rateLimit, setRateLimit] = useState('');
  const [lifetime, setLifetime] = useState(0);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: ApiToken; secret: string } | null>(null);
  const limit = rateLimit.trim() === '' ? undefined : Number(rateLimit);
  const limitInvalid = limit !== undefined && !(Number.isInteger(limit) && limit > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || limitInvalid) return;
    setBusy(true);
    setRefusal(null);
    try {
      const expiresAt = expiryOf(TOKEN_LIFETIMES[lifetime]?.days ?? null);
      const answer = await tokensApi.create({ name: name.trim(), role, ...(limit !== undefined ? { rateLimitPerMinute: limit } : {}), ...(expiresAt ? { expiresAt } : {}) });
      setCreated(answer);
      onCreated(answer.token);
    } catch (error) {
      setRefusal(error instanceof ApiRequestError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog title={`Token “${created.token.name}” created`} open onClose={onClose}>
        <TokenSecret secret={created.secret} />
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose}>
            I have copied it
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title="New API token" open onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="what uses it, e.g. “Zendesk bridge”" required autoFocus />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        <label>
          Rate limit (requests per minute)
          <input type="number" min={1} step={1} value={rateLimit} onChange={(event) => setRateLimit(event.target.value)} placeholder="60,000 (the default)" aria-invalid={limitInvalid} />
          {limitInvalid && <small className="field-error">A whole number of requests, at least 1.</small>}
        </label>
        <fieldset className="segmented-field">
          <legend>Expires after</legend>
          <div className="segmented">
            {TOKEN_LIFETIMES.map((choice, index) => (
              <label key={choice.label} className="choice">
                <input type="radio" name="token-lifetime" checked={lifetime === index} onChange={() => setLifetime(index)} />
                <span>{choice.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SubmitActions error={refusal} busy={busy} disabled={!name.trim() || limitInvalid} label="Create token" busyLabel="Creating…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
