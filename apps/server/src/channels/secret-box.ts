// Keeping secrets at rest: AES-256-GCM for secrets the server must use again, a salted scrypt hash for tokens it only
// compares, and HMAC signatures compared in constant time.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

export const KEY_HINT = 'MENTIONFLOW_SECRET_KEY must be 32 bytes written as 64 hex digits or in base64 (e.g. the output of `openssl rand -base64 32`)';

/** The 32-byte key from its hex or base64 form, or why it cannot be one. */
export function parseSecretKey(text: string | undefined): { key: Buffer } | { problem: string } {
  if (text === undefined) return { problem: 'MENTIONFLOW_SECRET_KEY is not set' };
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return { key: Buffer.from(trimmed, 'hex') };
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed, 'base64');
    if (decoded.length === 32) return { key: decoded };
  }
  return { problem: `${KEY_HINT}; the value set is not` };
}

const VERSION = 'v1';

/** `v1:<iv>:<tag>:<ciphertext>` (base64). `context` (the secret's name) is authenticated: a value moved to another name fails. */
export function encryptSecret(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** The plain secret, or undefined when the key is not the one it was encrypted with (or the value was altered). */
export function decryptSecret(key: Buffer, sealed: string, context: string): string | undefined {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** `scrypt:<salt>:<hash>` (hex): enough to check a token, useless to recover it. */
export async function hashToken(token: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(token, salt, 32);
  return `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`;
}

export async function tokenMatchesHash(token: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = await scryptAsync(token, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** Constant-time equality of two strings of any length (both are hashed first, so lengths leak nothing). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function hmacSha256(secret: string, data: string | Uint8Array, encoding: 'base64' | 'hex'): string {
  return createHmac('sha256', secret).update(data).digest(encoding);
}
