// "You: Lea (change)" in the header: the name recorded as who published, set once and kept in this browser.
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { isValidUserName, setUserName, subscribeUserName, userName } from './user-name.ts';

export function useUserName(): string {
  return useSyncExternalStore(subscribeUserName, userName);
}

export function UserNameControl() {
  const name = useUserName();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const invalid = draft.trim() !== '' && !isValidUserName(draft);

  if (name && !editing) {
    return (
      <div className="user-name">
        <span>
          You: <strong>{name}</strong>
        </span>
        <button type="button" className="link-button" onClick={() => (setDraft(name), setEditing(true))} aria-label="Change your name">
          change
        </button>
      </div>
    );
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!isValidUserName(draft)) return;
    setUserName(draft);
    setEditing(false);
  };
  return (
    <form className="user-name" onSubmit={save}>
      <label htmlFor="user-name-input">Your name</label>
      <input
        id="user-name-input"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="recorded when you publish"
        aria-invalid={invalid}
        aria-describedby={invalid ? 'user-name-error' : undefined}
        size={16}
      />
      <button type="submit" disabled={!isValidUserName(draft)}>
        Save name
      </button>
      {name && (
        <button type="button" className="link-button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      )}
      {invalid && (
        <span id="user-name-error" className="field-error">
          Letters, digits, spaces and . _ @ - only
        </span>
      )}
    </form>
  );
}
