/** Ed25519 verification of Discord's signature headers, with node:crypto keys made here. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_SKEW_SECONDS, publicKeyFromHex, verifySignature } from '../../adapters/discord-http/verify.js';
import { signed, testKeys } from './client.js';

const keys = testKeys();
const key = publicKeyFromHex(keys.publicHex);
const body = '{"type":1}';
const now = Date.UTC(2026, 11, 2, 12, 0, 0);
const ts = String(now / 1000);

function check(headers: Record<string, string>, raw = body, at = now) {
  return verifySignature(key, { signature: headers['x-signature-ed25519'], timestamp: headers['x-signature-timestamp'], body: Buffer.from(raw) }, at);
}

describe('verifySignature', () => {
  it('accepts what the key signed over timestamp + body', () => {
    expect(check(signed(keys, body, ts))).toBeUndefined();
    // Uppercase hex is still the same signature.
    const h = signed(keys, body, ts);
    expect(check({ ...h, 'x-signature-ed25519': h['x-signature-ed25519']!.toUpperCase() })).toBeUndefined();
  });

  it('imports the raw 32-byte key as the same key node generated', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    expect(publicKeyFromHex(raw).equals(publicKey)).toBe(true);
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex/);
  });

  it('refuses a changed body, timestamp or signature, and another key', () => {
    const h = signed(keys, body, ts);
    expect(check(h, '{"type":2}')).toBe('bad signature');
    expect(check(h, `${body} `)).toBe('bad signature');
    expect(check({ ...h, 'x-signature-timestamp': String(Number(ts) + 1) })).toBe('bad signature');
    const sig = h['x-signature-ed25519']!;
    expect(check({ ...h, 'x-signature-ed25519': (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1) })).toBe('bad signature');
    expect(check(signed(testKeys(), body, ts))).toBe('bad signature');
  });

  it('refuses missing and malformed headers before any crypto', () => {
    const h = signed(keys, body, ts);
    expect(check({})).toBe('missing signature');
    expect(check({ 'x-signature-ed25519': h['x-signature-ed25519']! })).toBe('missing signature');
    expect(check({ ...h, 'x-signature-ed25519': h['x-signature-ed25519']!.slice(2) })).toBe('malformed signature');
    expect(check({ ...h, 'x-signature-ed25519': `${h['x-signature-ed25519']!.slice(2)}zz` })).toBe('malformed signature');
    expect(check({ ...h, 'x-signature-timestamp': '12.5' })).toBe('malformed timestamp');
  });

  it(`refuses timestamps more than ${MAX_SKEW_SECONDS} s from the clock, either way`, () => {
    const old = String(now / 1000 - MAX_SKEW_SECONDS - 1);
    const soon = String(now / 1000 + MAX_SKEW_SECONDS + 1);
    expect(check(signed(keys, body, old))).toBe('stale timestamp');
    expect(check(signed(keys, body, soon))).toBe('stale timestamp');
    expect(check(signed(keys, body, String(now / 1000 - MAX_SKEW_SECONDS + 5)))).toBeUndefined();
  });
});
