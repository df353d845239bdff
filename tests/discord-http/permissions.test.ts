import { describe, expect, it } from 'vitest';
import { parseInteraction } from '../../adapters/discord-http/interactions.js';

/** A slash command as Discord sends it over HTTP, from a guild member with `permissions` (a decimal bitfield string). */
function command(permissions?: string) {
  return {
    id: '1000000000000001',
    application_id: '1000000000000002',
    type: 2,
    token: 'tok',
    version: 1,
    guild_id: '1000000000000003',
    channel_id: '1000000000000004',
    member: { user: { id: '1000000000000005', username: 'ada', global_name: 'Ada' }, roles: [], ...(permissions === undefined ? {} : { permissions }) },
    data: { id: '3', name: 'devops-challenge', type: 1, options: [{ name: 'stop', type: 1, options: [] }] },
  };
}

function actor(body: unknown) {
  const parsed = parseInteraction(body);
  if (!parsed.ok) throw new Error(parsed.problem);
  const incoming = parsed.incoming as { request?: { ctx: { user: { canManage?: boolean } } } };
  return incoming.request?.ctx.user;
}

describe('Discord HTTP interactions: who may manage', () => {
  it('marks a member with Manage Channels (1 << 4) or Manage Server (1 << 5) as a manager', () => {
    expect(actor(command(String(1n << 4n)))?.canManage).toBe(true);
    expect(actor(command(String(1n << 5n)))?.canManage).toBe(true);
  });

  it('does not mark a member with other permissions only (Send Messages, 1 << 11)', () => {
    expect(actor(command(String(1n << 11n)))?.canManage).toBe(false);
  });

  it('leaves it unknown when the payload has no permissions, and refuses a malformed bitfield', () => {
    expect(actor(command())?.canManage).toBeUndefined();
    expect(parseInteraction(command('12abc')).ok).toBe(false);
  });
});
