/**
 * The installation store over the real memory store: what Bolt stores comes
 * back whole, tokens never sit in clear, org-wide installs serve their
 * workspaces, and a record that does not decrypt is a fault, not "not installed".
 */
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createInstallationStore, INSTALL_KIND, NotInstalledError } from '../../../adapters/slack/oauth/installation-store.js';
import { installationTokens } from '../../../adapters/slack/oauth/tokens.js';
import { createMemoryStore } from '../../../storage/memory-store.js';

const key = randomBytes(32);

function installation(over: Partial<Installation> = {}): Installation {
  return {
    team: { id: 'T1', name: 'One' },
    enterprise: undefined,
    user: { id: 'U1', token: 'xoxp-user-secret', scopes: undefined },
    bot: { id: 'B1', userId: 'UB1', scopes: ['commands'], token: 'xoxb-bot-secret', refreshToken: 'xoxe-1-refresh-secret', expiresAt: 2_000_000_000 },
    incomingWebhook: { url: 'https://hooks.slack.com/services/T1/B1/secretpath', channel: '#general', channelId: 'C1' },
    appId: 'A1',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    ...over,
  };
}

const teamQuery = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;

describe('the Slack installation store', () => {
  it('gives back what Bolt stored, with no secret in the stored record', async () => {
    const records = createMemoryStore({ validate: true });
    const store = createInstallationStore({ records, key, now: () => 42 });
    await store.storeInstallation(installation());
    expect(await store.fetchInstallation(teamQuery)).toEqual({ ...installation(), user: { id: 'U1', token: 'xoxp-user-secret' } });
    const raw = JSON.stringify(await records.getRecord(INSTALL_KIND, 'team:T1'));
    for (const secret of ['xoxb-', 'xoxp-', 'xoxe-', 'secretpath', 'hooks.slack.com']) expect(raw).not.toContain(secret);
    expect(raw).toContain('"installedAt":42');
  });

  it('replaces a reinstall, and deletes', async () => {
    const records = createMemoryStore({ validate: true });
    const store = createInstallationStore({ records, key });
    await store.storeInstallation(installation());
    await store.storeInstallation(installation({ bot: { id: 'B1', userId: 'UB1', scopes: ['commands', 'chat:write'], token: 'xoxb-new' } }));
    expect((await store.fetchInstallation(teamQuery)).bot).toEqual({ id: 'B1', userId: 'UB1', scopes: ['commands', 'chat:write'], token: 'xoxb-new' });
    await store.deleteInstallation(teamQuery);
    await expect(store.fetchInstallation(teamQuery)).rejects.toBeInstanceOf(NotInstalledError);
    expect(await records.listRecords(INSTALL_KIND)).toEqual([]);
  });

  it('serves every workspace of an org from its org-wide install', async () => {
    const records = createMemoryStore({ validate: true });
    const store = createInstallationStore({ records, key });
    await store.storeInstallation(installation({ team: undefined, enterprise: { id: 'E1', name: 'Grid' }, isEnterpriseInstall: true }));
    expect((await records.listRecords(INSTALL_KIND)).map((r) => r.key)).toEqual(['org:E1']);
    const tokens = installationTokens(store);
    expect(await tokens.botTokenFor('T9', 'E1')).toBe('xoxb-bot-secret');
    expect(await tokens.botTokenFor('T9')).toBeUndefined();
    expect((await store.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).enterprise?.id).toBe('E1');
  });

  it('refuses an installation with neither team nor enterprise id', async () => {
    const store = createInstallationStore({ records: createMemoryStore(), key });
    await expect(store.storeInstallation(installation({ team: undefined }))).rejects.toThrow(/without a team or enterprise id/);
  });

  it('treats a record sealed with another key, or swapped between teams, as a fault naming SLACK_TOKEN_KEY', async () => {
    const records = createMemoryStore({ validate: true });
    await createInstallationStore({ records, key }).storeInstallation(installation());
    const other = createInstallationStore({ records, key: randomBytes(32) });
    await expect(installationTokens(other).botTokenFor('T1')).rejects.toThrow(/SLACK_TOKEN_KEY/);
    // The same sealed blob under another workspace's key does not open.
    const stored = await records.getRecord(INSTALL_KIND, 'team:T1');
    await records.putRecord(INSTALL_KIND, 'team:T2', stored!.value, { expected: 0 });
    await expect(installationTokens(createInstallationStore({ records, key })).botTokenFor('T2')).rejects.toThrow(/moved from another record/);
  });
});
