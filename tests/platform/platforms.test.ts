/**
 * The platform seam: the list npm start iterates, which platforms it picks for
 * an environment, and that a platform is open — a new one (here a web page)
 * is a name, a channel and a request mapping, served by the real core.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/logger.js';
import { chosenPlatforms, definePlatform, type Platform } from '../../adapters/platform.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { type Channel, serve } from '../../adapters/serve.js';
import type { RequestContext } from '../../src/requests.js';
import { cmd, makeTestAssistant } from '../helpers/assistant.js';
import { importGraph, importSpecifiers, reachable } from '../helpers/import-graph.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
const DISCORD = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '123456789012' };
const names = (platforms: readonly Platform[]) => platforms.map((p) => p.name);

describe('the platform list', () => {
  it('names each platform once, with a valid id, and ends with the console as the one fallback', () => {
    expect(names(PLATFORMS)).toEqual(['slack', 'discord', 'console']);
    expect(PLATFORMS.filter((p) => p.fallback).map((p) => p.name)).toEqual(['console']);
  });

  it('starts what the environment configures, in list order, or the console when nothing is', () => {
    expect(names(chosenPlatforms(PLATFORMS, {}))).toEqual(['console']);
    expect(names(chosenPlatforms(PLATFORMS, SLACK))).toEqual(['slack']);
    expect(names(chosenPlatforms(PLATFORMS, DISCORD))).toEqual(['discord']);
    expect(names(chosenPlatforms(PLATFORMS, { ...DISCORD, ...SLACK }))).toEqual(['slack', 'discord']);
  });

  it('refuses a half-set platform even beside a complete one', () => {
    expect(() => chosenPlatforms(PLATFORMS, { ...SLACK, DISCORD_TOKEN: 'token' })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => chosenPlatforms(PLATFORMS, { SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('refuses platform names that cannot be ids, and two platforms of one name', () => {
    const start = async () => ({ stop: async () => undefined });
    for (const name of ['Slack', 'my platform', '', 'a@b', 'x'.repeat(21)])
      expect(() => definePlatform({ name, configured: () => true, start })).toThrow(/platform name/);
    const web = definePlatform({ name: 'web', configured: () => true, start });
    expect(() => chosenPlatforms([web, web], {})).toThrow(/two platforms are named web/);
  });

  it('loads no chat SDK until a platform starts: the list and its checks import neither Bolt nor discord.js', () => {
    const graph = importGraph([resolve(ROOT, 'adapters'), resolve(ROOT, 'src'), resolve(ROOT, 'storage')], { dynamic: false });
    const loaded = [...reachable(graph, resolve(ROOT, 'adapters/platforms.ts'))];
    const sdk = loaded.filter((f) => importSpecifiers(readFileSync(f, 'utf8'), { dynamic: false }).some((s) => s === '@slack/bolt' || s === 'discord.js'));
    expect(sdk.map((f) => relative(ROOT, f))).toEqual([]);
    expect(loaded).toContain(resolve(ROOT, 'adapters/slack/config.ts'));
  });
});

describe('a new platform', () => {
  it('is a name, a request mapping and a channel; the core serves it with its own store spaces', async () => {
    const t = await makeTestAssistant();
    const page: string[] = [];
    // What a web page would write: its event → request mapping and its renderer; the serve loop is shared.
    const ctx: RequestContext = { user: { platform: 'web', id: 'visitor-1', name: 'Visitor' }, space: 'site', conversation: 'tab-1' };
    const channel: Channel<string> = {
      render: (reply) => `<section>${reply.view.kind}</section>`,
      answer: async (html) => void page.push(html),
      answerLate: async (html) => void page.push(html),
      apologise: async () => void page.push('<p>sorry</p>'),
    };
    await serve({ platform: 'web', logger: silentLogger, assistant: t.assistant }, cmd('devops-quiz', 'start basic 2', ctx), channel);
    expect(page).toEqual(['<section>quiz-question</section>']);
    await serve({ platform: 'web', logger: silentLogger, assistant: t.assistant }, cmd('devops-quiz', 'stats', ctx), channel);
    expect(page[1]).toBe('<section>stats</section>');
    expect(await t.store.getSession(`devops-engineer@web:site|tab-1|visitor-1`)).toBeDefined();
  });

  it('must use a valid platform id: the core refuses a request from any other as a fault', async () => {
    const t = await makeTestAssistant();
    const ctx: RequestContext = { user: { platform: 'We b:x', id: 'u', name: 'U' }, space: 's', conversation: 'c' };
    await expect(t.assistant.handle(cmd('devops-help', '', ctx))).rejects.toThrow(/invalid platform id/);
  });
});
