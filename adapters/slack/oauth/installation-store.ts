/**
 * Bolt's InstallationStore over Panelist's own database (the RecordStore
 * port): one `slack-install` record per workspace (`team:T…`) or org-wide
 * install (`org:E…`). What identifies the install is kept in clear, for
 * listing and support; every token and the incoming-webhook URL are sealed
 * with AES-256-GCM (crypto.ts), so the record never holds a secret in clear.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import type { RecordStore } from '../../../src/ports.js';
import { seal, sealedSchema, unseal } from './crypto.js';

/** The record kind of Slack installations. */
export const INSTALL_KIND = 'slack-install';

/** Thrown by `fetchInstallation` when the workspace has no installation (Bolt then refuses the request). */
export class NotInstalledError extends Error {
  override name = 'NotInstalledError';
}

/** Whether `error`, or what it wraps (Bolt wraps twice: `original`, `cause`), says the workspace is not installed. */
export function isNotInstalled(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth += 1) {
    if (e instanceof NotInstalledError) return true;
    const wrapped = e as Error & { original?: unknown };
    e = wrapped.original ?? wrapped.cause;
  }
  return false;
}

/** Where an installation lives: which workspace, or which org for an org-wide install. */
export interface InstallTarget {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

/** The record key of an install target; undefined when it names no workspace or org. */
export function installKey(target: InstallTarget): string | undefined {
  if (target.isEnterpriseInstall) return target.enterpriseId ? `org:${target.enterpriseId}` : undefined;
  return target.teamId ? `team:${target.teamId}` : undefined;
}

const id = z.string().min(1).max(64);
const named = z.object({ id, name: z.string().max(200).optional() });

/** The secrets, sealed together as one JSON object. */
const secretsSchema = z.object({
  botToken: z.string().optional(),
  botRefreshToken: z.string().optional(),
  userToken: z.string().optional(),
  userRefreshToken: z.string().optional(),
  webhookUrl: z.string().optional(),
});
type Secrets = z.infer<typeof secretsSchema>;

/** A stored installation (version 1). */
export const installRecordSchema = z.object({
  v: z.literal(1),
  team: named.optional(),
  enterprise: named.optional(),
  isEnterpriseInstall: z.boolean(),
  appId: z.string().optional(),
  enterpriseUrl: z.string().optional(),
  user: z.object({ id, scopes: z.array(z.string()).optional(), expiresAt: z.number().optional() }),
  bot: z.object({ id: z.string(), userId: z.string(), scopes: z.array(z.string()), expiresAt: z.number().optional() }).optional(),
  webhook: z.object({ channel: z.string().optional(), channelId: z.string().optional(), configurationUrl: z.string().optional() }).optional(),
  installedAt: z.number(),
  sealed: sealedSchema,
});
export type InstallRecord = z.infer<typeof installRecordSchema>;

/** What authenticates a sealed blob: the record it belongs to. */
const aad = (key: string) => `${INSTALL_KIND}/${key}`;

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** What the store needs. */
export interface InstallStoreDeps {
  records: RecordStore;
  /** The 32-byte AES key (SLACK_TOKEN_KEY). */
  key: Buffer;
  now?: () => number;
}

/** The installation store, plus the reads Panelist itself needs. */
export interface PanelistInstallationStore extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /** The installation for a workspace (falling back to its org-wide install), or undefined. */
  find(target: InstallTarget): Promise<Installation | undefined>;
  /** Removes the install of a target; resolves to whether there was one. */
  remove(target: InstallTarget): Promise<boolean>;
}

/** Splits Bolt's installation into the clear record and its sealed secrets. */
function toRecord(installation: Installation, key: Buffer, recordKey: string, installedAt: number): InstallRecord {
  const secrets: Secrets = defined({
    botToken: installation.bot?.token,
    botRefreshToken: installation.bot?.refreshToken,
    userToken: installation.user.token,
    userRefreshToken: installation.user.refreshToken,
    webhookUrl: installation.incomingWebhook?.url,
  });
  const b = installation.bot;
  const w = installation.incomingWebhook;
  return defined({
    v: 1 as const,
    team: installation.team ? defined({ id: installation.team.id, name: installation.team.name }) : undefined,
    enterprise: installation.enterprise ? defined({ id: installation.enterprise.id, name: installation.enterprise.name }) : undefined,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
    appId: installation.appId,
    enterpriseUrl: installation.enterpriseUrl,
    user: defined({ id: installation.user.id, scopes: installation.user.scopes, expiresAt: installation.user.expiresAt }),
    bot: b ? defined({ id: b.id, userId: b.userId, scopes: b.scopes, expiresAt: b.expiresAt }) : undefined,
    webhook: w ? defined({ channel: w.channel, channelId: w.channelId, configurationUrl: w.configurationUrl }) : undefined,
    installedAt,
    sealed: seal(key, JSON.stringify(secrets), aad(recordKey)),
  });
}

/** Joins a record and its unsealed secrets back into Bolt's installation. */
function fromRecord(r: InstallRecord, key: Buffer, recordKey: string): Installation {
  const secrets = secretsSchema.parse(JSON.parse(unseal(key, r.sealed, aad(recordKey))));
  const installation: Installation = {
    team: r.team,
    enterprise: r.enterprise,
    user: defined({ id: r.user.id, token: secrets.userToken, refreshToken: secrets.userRefreshToken, scopes: r.user.scopes, expiresAt: r.user.expiresAt }),
    isEnterpriseInstall: r.isEnterpriseInstall,
    authVersion: 'v2',
    ...(r.appId ? { appId: r.appId } : {}),
    ...(r.enterpriseUrl ? { enterpriseUrl: r.enterpriseUrl } : {}),
  };
  if (r.bot && secrets.botToken) {
    installation.tokenType = 'bot';
    installation.bot = defined({ ...r.bot, token: secrets.botToken, refreshToken: secrets.botRefreshToken });
  }
  if (secrets.webhookUrl) installation.incomingWebhook = { url: secrets.webhookUrl, ...r.webhook };
  return installation;
}

/** Bolt's InstallationStore over a RecordStore, tokens sealed with `key`. */
export function createInstallationStore({ records, key, now = Date.now }: InstallStoreDeps): PanelistInstallationStore {
  const read = async (recordKey: string): Promise<Installation | undefined> => {
    const stored = await records.getRecord(INSTALL_KIND, recordKey);
    if (!stored) return undefined;
    const parsed = installRecordSchema.safeParse(stored.value);
    if (!parsed.success) throw new Error(`the stored Slack installation ${recordKey} is malformed`);
    return fromRecord(parsed.data, key, recordKey);
  };
  const find = async (target: InstallTarget): Promise<Installation | undefined> => {
    const own = installKey(target);
    const found = own ? await read(own) : undefined;
    if (found || target.isEnterpriseInstall || !target.enterpriseId) return found;
    // A workspace of an org where the app was installed org-wide.
    return read(`org:${target.enterpriseId}`);
  };
  const remove = async (target: InstallTarget): Promise<boolean> => {
    const recordKey = installKey(target);
    return recordKey ? records.deleteRecord(INSTALL_KIND, recordKey) : false;
  };
  return {
    async storeInstallation(installation) {
      const target = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
      };
      const recordKey = installKey(target);
      if (!recordKey) throw new Error('Slack returned an installation without a team or enterprise id');
      // A reinstall (new scopes, a new token) replaces the old record whatever its version.
      await records.putRecord(INSTALL_KIND, recordKey, toRecord(installation as Installation, key, recordKey, now()), { expected: 'any' });
    },
    async fetchInstallation(query) {
      const found = await find(query);
      if (!found) throw new NotInstalledError(`Panelist is not installed in ${installKey(query) ?? 'this workspace'}`);
      return found;
    },
    async deleteInstallation(query) {
      await remove(query);
    },
    find,
    remove,
  };
}
