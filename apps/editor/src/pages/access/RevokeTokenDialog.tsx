// Revoking a token is for good: whatever uses it is refused from the next request. Asked once, with its name.
import { useState } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { tokensApi, type ApiToken } from '../../api/tokens-api.ts';
import { Dialog } from '../../ui/Dialog.tsx';

export function RevokeTokenDialog({ token, onClose, onRevoked }: { token: ApiToken; onClose: () => void; onRevoked: (token: ApiToken) => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const revoke = async () => {
    setBusy(true);
    try {
      onRevoked(await tokensApi.revoke(token.id));
    } catch (error) {
      setRefusal(error instanceof ApiRequestError ? error.message : String(error));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Revoke “${token.name}”?`} open onClose={onClose}>
      <p>
        Anything that sends <code>{token.prefix}…</code> is refused from its next request. This cannot be undone: to reconnect it, create a new token.
      </p>
      {refusal && (
        <p role="alert" className="field-error">
          {refusal}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Keep it
        </button>
        <button type="button" className="danger" onClick={() => void revoke()} disabled={busy}>
          {busy ? 'Revoking…' : 'Revoke token'}
        </button>
      </div>
    </Dialog>
  );
}
