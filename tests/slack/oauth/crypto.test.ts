/** Tokens at rest: the key's two spellings, sealing, and every way a sealed value must refuse to open. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyId, parseTokenKey, seal, TokenKeyError, unseal } from '../../../adapters/slack/oauth/crypto.js';

const key = randomBytes(32);
const TOKEN = 'xoxb-1111-2222-abcdefghijklmnop';

describe('parseTokenKey', () => {
  it('reads 64 hex digits and base64 (standard, padded or not, URL-safe) of 32 bytes', () => {
    expect(parseTokenKey(key.toString('hex'))).toEqual(key);
    expect(parseTokenKey(key.toString('hex').toUpperCase())).toEqual(key);
    expect(parseTokenKey(key.toString('base64'))).toEqual(key);
    expect(parseTokenKey(key.toString('base64').replace(/=+$/, ''))).toEqual(key);
    expect(parseTokenKey(key.toString('base64url'))).toEqual(key);
    expect(parseTokenKey(` ${key.toString('base64')}\n`)).toEqual(key);
  });

  it.each([
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
    ['62 hex digits', randomBytes(31).toString('hex')],
    ['a passphrase', 'correct horse battery staple'],
    ['base64 with junk', `${key.toString('base64')}!`],
    ['empty', ''],
  ])('refuses %s', (_what, text) => {
    expect(parseTokenKey(text)).toBeUndefined();
  });
});

describe('seal / unseal', () => {
  it('round-trips, with a fresh IV every time and no plaintext in the sealed value', () => {
    const a = seal(key, TOKEN, 'slack-install/team:T1');
    const b = seal(key, TOKEN, 'slack-install/team:T1');
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(JSON.stringify(a)).not.toContain('xoxb');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(a.kid).toBe(keyId(key));
    expect(unseal(key, a, 'slack-install/team:T1')).toBe(TOKEN);
  });

  it('refuses another key, naming SLACK_TOKEN_KEY', () => {
    const sealed = seal(key, TOKEN, 'ctx');
    expect(() => unseal(randomBytes(32), sealed, 'ctx')).toThrow(TokenKeyError);
    expect(() => unseal(randomBytes(32), sealed, 'ctx')).toThrow(/SLACK_TOKEN_KEY/);
  });

  it('refuses altered ciphertext, tag or IV, and a blob moved to another record', () => {
    const sealed = seal(key, TOKEN, 'slack-install/team:T1');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    expect(() => unseal(key, { ...sealed, data: flip(sealed.data) }, 'slack-install/team:T1')).toThrow(/altered/);
    expect(() => unseal(key, { ...sealed, tag: flip(sealed.tag) }, 'slack-install/team:T1')).toThrow(/altered/);
    expect(() => unseal(key, { ...sealed, iv: flip(sealed.iv) }, 'slack-install/team:T1')).toThrow(/altered/);
    expect(() => unseal(key, { ...sealed, tag: '' }, 'slack-install/team:T1')).toThrow(TokenKeyError);
    expect(() => unseal(key, sealed, 'slack-install/team:T2')).toThrow(/moved/);
  });
});
