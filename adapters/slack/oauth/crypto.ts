/**
 * Tokens at rest: AES-256-GCM with the key from SLACK_TOKEN_KEY, a random
 * 96-bit IV per record and the record's own key as additional authenticated
 * data, so a sealed blob neither reads without the key nor moves unnoticed to
 * another workspace's record. Nothing here logs or returns a key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Bytes of an AES-256 key. */
export const TOKEN_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Reads SLACK_TOKEN_KEY: 64 hex digits, or base64 (standard or URL-safe) of
 * exactly 32 bytes. Undefined for anything else, so the caller names the variable.
 */
export function parseTokenKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return undefined;
  const bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // Buffer.from ignores trailing garbage bits; re-encoding proves the text was exactly these bytes.
  const canonical = bytes.toString('base64').replace(/=+$/, '');
  if (canonical !== t.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')) return undefined;
  return bytes.length === TOKEN_KEY_BYTES ? bytes : undefined;
}

/** A sealed value as stored: which key (a short fingerprint, not the key), IV, tag and ciphertext, base64. */
export const sealedSchema = z.object({
  alg: z.literal('A256GCM'),
  kid: z.string().regex(/^[0-9a-f]{8}$/),
  iv: z.string().min(1),
  tag: z.string().min(1),
  data: z.string(),
});
export type Sealed = z.infer<typeof sealedSchema>;

/** Decryption failed: another key, or the record was altered. The message names the variable, never a value. */
export class TokenKeyError extends Error {
  override name = 'TokenKeyError';
}

/**
 * A fingerprint of the key, stored beside each sealed value, so "wrong key"
 * reads as such instead of as a corrupt record. 32 bits of SHA-256 of a
 * random 256-bit key tell nothing about the key.
 */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('panelist-slack-token-key').update(key).digest('hex').slice(0, 8);
}

/** Encrypts `plaintext` under `key`, bound to `context` (the record's kind and key). */
export function seal(key: Buffer, plaintext: string, context: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { alg: 'A256GCM', kid: keyId(key), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/**
 * Decrypts a sealed value.
 * @throws TokenKeyError when the key is not the one it was sealed with, or the value or its context was altered.
 */
export function unseal(key: Buffer, sealed: Sealed, context: string): string {
  if (sealed.kid !== keyId(key)) {
    throw new TokenKeyError('a Slack installation was stored with another SLACK_TOKEN_KEY: set the key it was stored with, or reinstall the app');
  }
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenKeyError('a stored Slack installation is malformed (IV or tag)');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenKeyError('a stored Slack installation failed authentication: it was altered, or moved from another record');
  }
}
