/** The app manifest generated from the real command table. */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, buildManifest, MANIFEST_LIMITS } from '../../adapters/slack/manifest.js';
import { makeTestAssistant } from '../helpers/assistant.js';

describe('buildManifest', () => {
  it('declares every command within limits, interactivity on, only the scopes needed', async () => {
    const { assistant } = await makeTestAssistant();
    const m = buildManifest(assistant.commands, { socketMode: false, requestUrl: 'https://bot.example.com/slack/events' });
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(assistant.commands.map((c) => `/${c.name}`));
    for (const c of m.features.slash_commands) {
      expect(c.command.length - 1).toBeLessThanOrEqual(MANIFEST_LIMITS.commandName);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(MANIFEST_LIMITS.description);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(MANIFEST_LIMITS.usageHint);
      expect(c.url).toBe('https://bot.example.com/slack/events');
    }
    const quiz = m.features.slash_commands.find((c) => c.command === '/devops-quiz')!;
    for (const sub of ['start', 'answer', 'skip', 'stop', 'review', 'stats', 'leaderboard']) expect(quiz.usage_hint).toContain(sub);
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://bot.example.com/slack/events' });
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('drops request URLs in Socket Mode', async () => {
    const { assistant } = await makeTestAssistant();
    const m = buildManifest(assistant.commands, { socketMode: true, requestUrl: 'https://ignored' });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(m)).not.toContain('https://ignored');
  });

  it('is printed by npm run slack:manifest', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'adapters/slack/manifest-cli.ts', '--socket'], {
      cwd: process.cwd(),
      env: { ...process.env, SLACK_APP_TOKEN: '' },
    });
    const m = JSON.parse(stdout) as ReturnType<typeof buildManifest>;
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.features.slash_commands.length).toBeGreaterThanOrEqual(5);
  });
});
