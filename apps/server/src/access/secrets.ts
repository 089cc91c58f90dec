// Random secrets for sessions, API tokens and setup links, and the digest they are stored and looked up by.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url, behind a readable prefix (`mf_` for API tokens). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a high-entropy secret: enough to store it (a slow hash protects guessable secrets, not these). */
export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
