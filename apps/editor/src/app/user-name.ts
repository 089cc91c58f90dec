// The person using the editor: named once, kept in localStorage, sent as `x-mentionflow-user` (recorded as who published).
const KEY = 'mentionflow.user';
const VALID = /^[\w .@-]{1,100}$/;
const listeners = new Set<() => void>();

export function userName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** The server accepts letters, digits, spaces and `_.@-`; anything else would be dropped silently, so refuse it here. */
export function isValidUserName(name: string): boolean {
  return VALID.test(name.trim());
}

export function setUserName(name: string): void {
  localStorage.setItem(KEY, name.trim());
  for (const listener of listeners) listener();
}

export function subscribeUserName(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
