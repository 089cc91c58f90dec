// A new token's secret, shown once: copy it now, Mentionflow keeps only a hash of it.
import { useId, useRef, useState } from 'react';

export function TokenSecret({ secret }: { secret: string }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select it for Ctrl/⌘+C instead.
      field.current?.select();
      setCopied('no');
    }
  };
  return (
    <div className="token-secret">
      <p className="notice" role="alert">
        Copy this secret now. It is shown only once: Mentionflow keeps only a hash of it, and nobody can show it again.
      </p>
      <label htmlFor={id}>Secret</label>
      <div className="secret-row">
        <input id={id} ref={field} readOnly value={secret} onFocus={(event) => event.target.select()} spellCheck={false} className="secret" />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {copied && (
        <p role="status" className="help">
          {copied === 'yes' ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy.'}
        </p>
      )}
      <p className="help">
        Send it as <code>authorization: Bearer {secret.slice(0, 6)}…</code>.
      </p>
    </div>
  );
}
