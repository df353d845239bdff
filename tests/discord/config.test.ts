import { describe, expect, it } from 'vitest';
import { DiscordConfigError, loadDiscordConfig } from '../../adapters/discord/config.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('loadDiscordConfig', () => {
  it('is off when no DISCORD_* variable is set (empty values count as unset)', () => {
    expect(loadDiscordConfig({})).toBeUndefined();
    expect(loadDiscordConfig({ DISCORD_GUILD_ID: '', SLACK_BOT_TOKEN: 'x' })).toBeUndefined();
  });

  it('reads token, application id, guild and API override', () => {
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '123456789012345678' })).toEqual({
      token: TOKEN,
      applicationId: '123456789012345678',
    });
    expect(
      loadDiscordConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/v10/',
      }),
    ).toEqual({ token: TOKEN, applicationId: '123456789012345678', guildId: '223456789012345678', apiUrl: 'http://127.0.0.1:9999/api' });
  });

  it('refuses a half-set configuration, naming the missing variable and never the token', () => {
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => loadDiscordConfig({ DISCORD_APPLICATION_ID: '123456789012345678' })).toThrow(/DISCORD_TOKEN/);
    expect(() => loadDiscordConfig({ DISCORD_GUILD_ID: '223456789012345678' })).toThrow(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    try {
      loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'nope' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DiscordConfigError);
      expect((error as Error).name).toBe('ConfigError');
      expect((error as Error).message).toMatch(/DISCORD_GUILD_ID/);
      expect((error as Error).message).not.toContain(TOKEN);
    }
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'abc' })).toThrow(/DISCORD_APPLICATION_ID must be/);
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_API_URL: 'ftp://x' })).toThrow(
      /DISCORD_API_URL/,
    );
  });
});
