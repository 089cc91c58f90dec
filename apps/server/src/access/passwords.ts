// Passwords: argon2id (OWASP's first choice) through @node-rs/argon2, a maintained native binding with prebuilt
// binaries for every platform we run on — no compiler needed at install, ~10 ms per hash with the default
// parameters (19 MiB, 2 passes), run off the event loop.
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `a password needs at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `a password has at most ${PASSWORD_MAX} characters`);

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hash('mentionflow-decoy-password');
  await verifyPassword(await decoy, password);
  return false;
}
