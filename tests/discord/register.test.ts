import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LIMITS, commandsJSON, NAME_PATTERN } from '../../adapters/discord/commands.js';
import { commandsDiffer, registerCommands } from '../../adapters/discord/register.js';
import type { CommandInfo } from '../../src/commands/spec.js';
import { makeTestAssistant } from '../helpers/assistant.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';

type Json = {
  name: string;
  description: string;
  type?: number;
  options?: Json[];
  choices?: { name: string; value: string | number }[];
  required?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
};

function walk(option: Json, visit: (o: Json) => void): void {
  visit(option);
  for (const child of option.options ?? []) walk(child, visit);
}

describe('commandsJSON', () => {
  it('turns the real command table into valid Discord commands', async () => {
    const { assistant } = await makeTestAssistant();
    const json = commandsJSON(assistant.commands) as Json[];
    expect(json.map((c) => c.name).sort()).toEqual([
      'devops-challenge',
      'devops-daily',
      'devops-help',
      'devops-interview',
      'devops-question',
      'devops-quiz',
      'devops-role',
      'devops-search',
    ]);
    for (const command of json) {
      walk(command, (o) => {
        expect(o.name).toMatch(NAME_PATTERN);
        expect(o.name).toBe(o.name.toLowerCase());
        expect(o.description.length).toBeGreaterThanOrEqual(1);
        expect(o.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
        expect((o.options ?? []).length).toBeLessThanOrEqual(25);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
        const required = (o.options ?? []).map((x) => x.required === true);
        expect(required.indexOf(false) === -1 || required.lastIndexOf(true) < required.indexOf(false)).toBe(true);
      });
    }
    const quiz = json.find((c) => c.name === 'devops-quiz')!;
    expect(quiz.options?.map((o) => o.name)).toEqual(['start', 'answer', 'skip', 'stop', 'review', 'stats', 'leaderboard']);
    expect(quiz.options?.every((o) => o.type === 1)).toBe(true);
    const start = quiz.options?.find((o) => o.name === 'start')!;
    expect(start.options?.find((o) => o.name === 'tier')?.choices?.map((c) => c.value)).toEqual(['basic', 'technical', 'advanced', 'mixed']);
    const count = start.options?.find((o) => o.name === 'count')!;
    expect(count.type).toBe(4);
    expect(count.min_value).toBe(1);
    expect(count.max_value).toBeGreaterThan(1);
    const leaderboard = quiz.options?.find((o) => o.name === 'leaderboard')!;
    expect(leaderboard.options?.find((o) => o.name === 'share')?.type).toBe(5);
    const search = json.find((c) => c.name === 'devops-search')!;
    expect(search.options?.[0]).toMatchObject({ name: 'query', type: 3, required: true, max_length: 200 });
  });

  it('shortens and cleans what Discord would refuse', () => {
    const info: CommandInfo = {
      name: 'My Very Long Command Name That Goes On And On!',
      description: 'd'.repeat(300),
      usage: '',
      options: [
        { name: 'opt', description: '', type: 'choice', choices: Array.from({ length: 40 }, (_, i) => `c${i}`) },
        { name: 'must', description: 'x', type: 'text', maxLength: 99_999, required: true },
      ],
      subcommands: [],
      examples: [],
    };
    const [json] = commandsJSON([info]) as Json[];
    expect(json!.name).toMatch(NAME_PATTERN);
    expect(json!.name.length).toBeLessThanOrEqual(32);
    expect(json!.description).toHaveLength(100);
    expect(json!.options?.[0]).toMatchObject({ name: 'must', required: true, max_length: 6000 });
    expect(json!.options?.[1]?.choices).toHaveLength(25);
    expect(json!.options?.[1]?.description).toBe('opt');
  });
});

describe('registerCommands against the fake REST', () => {
  let fake: FakeDiscord;
  let commands: ReturnType<typeof commandsJSON>;
  beforeAll(async () => {
    fake = await new FakeDiscord().start();
    commands = commandsJSON((await makeTestAssistant()).assistant.commands);
  });
  afterAll(() => fake.stop());

  const rest = () => new REST({ api: fake.apiUrl, retries: 0, timeout: 2000 }).setToken('test-token');
  const puts = () => fake.calls.filter((c) => c.method === 'PUT');

  it('PUTs to the guild on the first run, then finds nothing changed and makes no PUT', async () => {
    const first = await registerCommands({ rest: rest(), applicationId: APP_ID, guildId: '300000000000000001', commands });
    expect(first).toMatchObject({ changed: true, count: 8, message: 'registered 8 commands to guild 300000000000000001' });
    expect(puts().map((c) => c.path)).toEqual([`/applications/${APP_ID}/guilds/300000000000000001/commands`]);
    expect(puts()[0]?.auth).toBe('Bot test-token');
    const second = await registerCommands({ rest: rest(), applicationId: APP_ID, guildId: '300000000000000001', commands });
    expect(second).toMatchObject({ changed: false, message: 'no change: 8 commands up to date (guild 300000000000000001)' });
    expect(puts()).toHaveLength(1);
  });

  it('registers globally without a guild, and PUTs again when a description changes', async () => {
    const global = commandsJSON((await makeTestAssistant()).assistant.commands, { global: true });
    const first = await registerCommands({ rest: rest(), applicationId: APP_ID, commands: global });
    expect(first.changed).toBe(true);
    expect(first.message).toMatch(/^registered 8 commands globally/);
    expect(puts().at(-1)?.path).toBe(`/applications/${APP_ID}/commands`);
    expect((puts().at(-1)?.body as { contexts?: number[] }[] | undefined)?.[0]?.contexts).toEqual([0, 1]);
    expect((await registerCommands({ rest: rest(), applicationId: APP_ID, commands: global })).changed).toBe(false);
    const edited = global.map((c, i) => (i === 0 ? { ...c, description: 'Something else' } : c));
    expect((await registerCommands({ rest: rest(), applicationId: APP_ID, commands: edited })).changed).toBe(true);
    expect(puts()).toHaveLength(3);
  });

  it('ignores defaults Discord fills in and key order', () => {
    const wanted = [{ name: 'a', description: 'd', options: [{ type: 3, name: 'x', description: 'y' }] }];
    const registered = [
      {
        id: '1',
        application_id: '2',
        version: '3',
        type: 1,
        name: 'a',
        description: 'd',
        nsfw: false,
        default_member_permissions: null,
        contexts: [1, 0],
        integration_types: [0],
        options: [{ description: 'y', name: 'x', type: 3, required: false, name_localizations: null }],
      },
    ];
    expect(commandsDiffer(registered, wanted)).toBe(false);
    expect(commandsDiffer(registered, [{ ...wanted[0]!, options: [{ type: 3, name: 'x', description: 'y', required: true }] }])).toBe(true);
    expect(commandsDiffer([], wanted)).toBe(true);
  });

  it('npm run discord:register prints what it did and PUTs only when needed', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const run = () =>
      promisify(execFile)(resolve(root, 'node_modules/.bin/tsx'), ['adapters/discord/register-cli.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          DISCORD_TOKEN: 'cli-token',
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_GUILD_ID: '300000000000000077',
          DISCORD_API_URL: fake.apiUrl,
        },
      });
    const before = puts().length;
    expect((await run()).stdout).toBe('discord:register: registered 8 commands to guild 300000000000000077\n');
    const second = await run();
    expect(second.stdout).toBe('discord:register: no change: 8 commands up to date (guild 300000000000000077)\n');
    expect(second.stderr).not.toContain('cli-token');
    expect(puts().length).toBe(before + 1);
    await expect(
      promisify(execFile)(resolve(root, 'node_modules/.bin/tsx'), ['adapters/discord/register-cli.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH, DISCORD_TOKEN: 'cli-token' },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/DISCORD_APPLICATION_ID/) });
  }, 60_000);
});
