/**
 * The gateway bot's REST client is discord.js's, which loads @discordjs/rest's
 * CommonJS build, while the outbox imports its ESM build: two copies of each
 * error class. A refusal from either copy must read the same, or a Missing
 * Permissions over the gateway becomes "could not reach Discord" and the
 * starter is never told what to grant.
 */
import { createRequire } from 'node:module';
import { DiscordAPIError as EsmDiscordAPIError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { apiErrorOf, discordOutboxError } from '../../adapters/discord/outbox.js';

type ApiErrorClass = typeof EsmDiscordAPIError;
const cjs = createRequire(import.meta.url)('@discordjs/rest') as { DiscordAPIError: ApiErrorClass };

const refusal = (Class: ApiErrorClass, code: number, status: number) =>
  new Class({ message: 'Missing Permissions', code }, code, status, 'POST', 'https://discord.test/api/v10/channels/1/messages', {});

describe('Discord refusals from either build of @discordjs/rest', () => {
  it('are two classes indeed (the hazard this guards against)', () => {
    expect(cjs.DiscordAPIError).not.toBe(EsmDiscordAPIError);
    expect(refusal(cjs.DiscordAPIError, 50013, 403)).not.toBeInstanceOf(EsmDiscordAPIError);
  });

  it.each([
    ['ESM', EsmDiscordAPIError],
    ['CommonJS', cjs.DiscordAPIError],
  ])('a 50013 from the %s build is missing-permissions, naming them', (_build, Class) => {
    const error = discordOutboxError(refusal(Class, 50013, 403), 'post');
    expect(error.code).toBe('missing-permissions');
    expect(error.missing).toEqual(['Send Messages', 'Embed Links']);
    expect(discordOutboxError(refusal(Class, 10003, 404), 'post').code).toBe('gone');
    expect(apiErrorOf(refusal(Class, 50001, 403))).toEqual({ code: 50001, status: 403 });
  });

  it('does not take any error for a Discord refusal', () => {
    expect(apiErrorOf(new Error('DiscordAPIError lookalike'))).toBeUndefined();
    expect(discordOutboxError(new Error('socket hang up'), 'post').code).toBe('failed');
  });
});
