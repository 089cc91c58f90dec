// Webhook signatures: HMAC-SHA256 of the raw request body with the webhook's secret, sent as
// `x-mentionflow-signature: sha256=<hex>`. Receivers recompute it over the bytes they received, before parsing.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-mentionflow-signature';
export const EVENT_ID_HEADER = 'x-mentionflow-event-id';
export const EVENT_TYPE_HEADER = 'x-mentionflow-event-type';
export const TIMESTAMP_HEADER = 'x-mentionflow-timestamp';
export const ATTEMPT_HEADER = 'x-mentionflow-attempt';

/** `sha256=<hex>` for this body and secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * True when `header` is the signature of `body` (constant-time comparison).
 * @example verifySignature(secret, rawBody, request.headers['x-mentionflow-signature'])
 */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A fresh secret for a webhook created without one. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}
