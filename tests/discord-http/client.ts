/**
 * Plays Discord against the HTTP interactions server: builds interaction
 * payloads like Discord's, signs them with a test Ed25519 key exactly as
 * Discord does (over timestamp + raw body), POSTs them, and hands each
 * response to the fake so later webhook calls find their message.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { APP_ID } from '../discord/fake-discord.js';
import { type FakeWebhooks, type Message, snowflake } from './fake-webhooks.js';

/** A test keypair; `publicHex` is what DISCORD_PUBLIC_KEY holds. */
export interface TestKeys {
  privateKey: KeyObject;
  publicHex: string;
}

export function testKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // The raw 32-byte key is the tail of its SPKI DER encoding.
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicHex: der.subarray(der.length - 32).toString('hex') };
}

/** Discord's signature headers for `body`. */
export function signed(keys: TestKeys, body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), keys.privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

export interface User {
  id: string;
  username: string;
  global_name?: string | null;
}
/** A guild channel, or a DM when `guildId` is absent. */
export interface Place {
  guildId?: string;
  channelId: string;
}

/** One answered interaction: the HTTP status, the response body, and the message now showing the answer. */
export interface Answered {
  status: number;
  token: string;
  response: { type: number; data?: Record<string, unknown> };
  message?: Message;
}

type Value = string | number | boolean;

export class InteractionClient {
  constructor(
    readonly url: string,
    private readonly keys: TestKeys,
    private readonly fake: FakeWebhooks,
  ) {}

  /** A payload as Discord sends it (guild: `member.user`; DM: `user`). */
  payload(user: User, place: Place, type: number, data: unknown, message?: Message): Record<string, unknown> {
    const apiUser = { id: user.id, username: user.username, discriminator: '0', global_name: user.global_name ?? null, avatar: null };
    const payload: Record<string, unknown> = {
      id: snowflake(),
      application_id: APP_ID,
      type,
      token: `tok-${snowflake()}`,
      version: 1,
      channel_id: place.channelId,
      channel: { id: place.channelId, type: place.guildId ? 0 : 1 },
      data,
      app_permissions: '0',
      locale: 'en-US',
      entitlements: [],
    };
    if (place.guildId) Object.assign(payload, { guild_id: place.guildId, member: { user: apiUser, roles: [], permissions: '0' }, context: 0 });
    else Object.assign(payload, { user: apiUser, context: 1 });
    if (message)
      payload.message = { id: message.id, channel_id: place.channelId, flags: message.flags, embeds: message.embeds, components: message.components };
    return payload;
  }

  /** POSTs `body` with `headers` (signed unless told otherwise). */
  raw(body: string, headers: Record<string, string> = signed(this.keys, body)): Promise<Response> {
    return fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  }

  /** Sends a signed payload; acknowledges the response with the fake as Discord would. */
  async send(payload: Record<string, unknown>, pressed?: Message): Promise<Answered> {
    const res = await this.raw(JSON.stringify(payload));
    const token = String(payload.token);
    const response = res.status === 200 ? ((await res.json()) as Answered['response']) : { type: 0 };
    const message = res.status === 200 ? this.fake.acknowledge(token, response, pressed) : undefined;
    return { status: res.status, token, response, ...(message ? { message } : {}) };
  }

  command(user: User, place: Place, name: string, opts: { subcommand?: string; options?: Record<string, Value> } = {}): Promise<Answered> {
    const given = Object.entries(opts.options ?? {}).map(([n, value]) => ({
      name: n,
      type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3,
      value,
    }));
    const data = { id: snowflake(), name, type: 1, options: opts.subcommand ? [{ type: 1, name: opts.subcommand, options: given }] : given };
    return this.send(this.payload(user, place, 2, data));
  }

  press(user: User, place: Place, message: Message, customId: string): Promise<Answered> {
    return this.send(this.payload(user, place, 3, { custom_id: customId, component_type: 2 }, message), message);
  }

  select(user: User, place: Place, message: Message, customId: string, values: readonly string[]): Promise<Answered> {
    return this.send(this.payload(user, place, 3, { custom_id: customId, component_type: 3, values: [...values] }, message), message);
  }

  /** Submits a modal with one text input inside a label, as current clients do. */
  submit(user: User, place: Place, customId: string, inputId: string, value: string, message?: Message): Promise<Answered> {
    const data = { custom_id: customId, components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: inputId, value } }] };
    return this.send(this.payload(user, place, 5, data, message), message);
  }
}

/** Every button of a message: custom id and label. */
export function buttonsOf(message: Message | undefined): { custom_id: string; label: string }[] {
  const rows = (message?.components ?? []) as { components?: { type: number; custom_id: string; label: string }[] }[];
  return rows.flatMap((r) => (r.components ?? []).filter((c) => c.type === 2));
}

/** The first button whose label matches. */
export function findButton(message: Message | undefined, label: RegExp): { custom_id: string; label: string } {
  const found = buttonsOf(message).find((b) => label.test(b.label));
  if (!found) throw new Error(`no button ${label} among ${buttonsOf(message).map((b) => b.label)}`);
  return found;
}
