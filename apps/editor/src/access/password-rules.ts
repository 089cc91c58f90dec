// What the server accepts as a password (12 to 256 characters), checked as people type, in words.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why `password` cannot be used, or null; `confirmation` must repeat it (when a form asks twice). */
export function passwordProblem(password: string, confirmation?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters (${password.length} so far).`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (confirmation !== undefined && confirmation !== password) return 'The two passwords differ.';
  return null;
}

/** A plausible email address (the server has the last word): something@something.tld. */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
}
