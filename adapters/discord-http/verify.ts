/**
 * Verifies that a request comes from Discord: an Ed25519 signature, by the
 * application's public key, over the timestamp header followed by the raw
 * body. node:crypto only. Discord probes this when the Interactions Endpoint
 * URL is saved (a badly signed PING must get 401) and at random later, so
 * every failure is one outcome: not verified, answered 401.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The signature and its timestamp, as Discord sends them. */
export const SIGNATURE_HEADER = 'x-signature-ed25519';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/**
 * Timestamps further than this from our clock (either way) are refused, as
 * Slack does at 5 minutes. Discord does not require it; it stops a captured
 * request (a button press) from being replayed later, and NTP keeps honest
 * clocks well inside it. A request past it could not be answered anyway
 * beyond the first 3 s, and its token dies after 15 minutes.
 */
export const MAX_SKEW_SECONDS = 300;

// The DER header of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The key object for a 64-hex-character public key (validated by the configuration). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** Why a request was not verified: for the log, never for the caller. */
export type VerifyProblem = 'missing signature' | 'malformed signature' | 'malformed timestamp' | 'stale timestamp' | 'bad signature';

/** What `verifySignature` needs from a request. */
export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * Undefined when `request` is signed by `key` within MAX_SKEW_SECONDS of
 * `nowMs`; otherwise why not.
 */
export function verifySignature(key: KeyObject, request: SignedRequest, nowMs: number, maxSkewSeconds = MAX_SKEW_SECONDS): VerifyProblem | undefined {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return 'missing signature';
  // 64 bytes as hex; Buffer.from(hex) would silently drop a bad tail instead.
  if (!/^[0-9a-fA-F]{128}$/.test(signature)) return 'malformed signature';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return 'stale timestamp';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? undefined : 'bad signature';
}
