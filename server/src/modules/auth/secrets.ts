import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable secret: 32 random bytes (256 bits), URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What we store instead of a session cookie or an API token. These secrets are
 * random 256-bit values, so a plain SHA-256 is enough (no salt or slow hash is
 * needed, unlike passwords) and lets us look them up by hash in one query.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two secrets without leaking, through timing, how many leading characters matched. */
export function safeEqual(a: string, b: string): boolean {
  // Hash both first: timingSafeEqual needs equal lengths, and the length itself must not leak either.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
