/**
 * Drives a bot through the fake Discord like a user would: slash commands,
 * button presses on messages the bot sent, and modal submits.
 */
import { APP_ID, type FakeDiscord, type FakeMessage, type FakePlace, type FakeUser, type RecordedCall, snowflake } from './fake-discord.js';

/** A dispatched interaction's identity. */
export interface Sent {
  id: string;
  token: string;
}

type Value = string | number | boolean;

function optionType(value: Value): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return 4;
  return 3;
}

function options(values: Record<string, Value>): { type: number; name: string; value: Value }[] {
  return Object.entries(values).map(([name, value]) => ({ type: optionType(value), name, value }));
}

/** A button found on a message: its custom id and label. */
export interface FoundButton {
  custom_id: string;
  label: string;
  style: number;
}

/** Every button of a message, in order. */
export function buttonsOf(message: FakeMessage): FoundButton[] {
  const out: FoundButton[] = [];
  for (const row of message.components as { components?: FoundButton[] }[]) for (const b of row.components ?? []) out.push(b);
  return out;
}

/** The first button whose label matches. */
export function findButton(message: FakeMessage, label: RegExp): FoundButton {
  const found = buttonsOf(message).find((b) => label.test(b.label));
  if (!found)
    throw new Error(
      `no button ${label} among ${buttonsOf(message)
        .map((b) => b.label)
        .join(', ')}`,
    );
  return found;
}

export class Driver {
  constructor(private readonly fake: FakeDiscord) {}

  private base(user: FakeUser, place: FakePlace, type: number, data: unknown, message?: FakeMessage): { sent: Sent; payload: Record<string, unknown> } {
    const sent = { id: snowflake(), token: `tok-${snowflake()}` };
    this.fake.tokenChannel.set(sent.token, place.channelId);
    if (message) this.fake.pendingComponent.set(sent.token, message.id);
    const apiUser = { id: user.id, username: user.username, discriminator: '0', global_name: user.global_name ?? null, avatar: null };
    const payload: Record<string, unknown> = {
      id: sent.id,
      application_id: APP_ID,
      type,
      token: sent.token,
      version: 1,
      channel_id: place.channelId,
      data,
      app_permissions: '0',
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 8388608,
    };
    if (place.guildId) {
      Object.assign(payload, {
        guild_id: place.guildId,
        guild_locale: 'en-US',
        channel: { id: place.channelId, type: 0, guild_id: place.guildId, name: 'general' },
        member: { user: apiUser, roles: [], permissions: '0', joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
        authorizing_integration_owners: { 0: place.guildId },
        context: 0,
      });
    } else {
      Object.assign(payload, {
        user: apiUser,
        channel: { id: place.channelId, type: 1, recipients: [apiUser] },
        authorizing_integration_owners: { 0: '0' },
        context: 1,
      });
    }
    if (message) payload.message = this.fake.messageJSON(message);
    return { sent, payload };
  }

  /** A slash command, with a subcommand when given. */
  command(user: FakeUser, place: FakePlace, name: string, opts: { subcommand?: string; options?: Record<string, Value> } = {}): Sent {
    const given = options(opts.options ?? {});
    const data = {
      id: snowflake(),
      name,
      type: 1,
      options: opts.subcommand ? [{ type: 1, name: opts.subcommand, options: given }] : given,
    };
    const { sent, payload } = this.base(user, place, 2, data);
    this.fake.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** Presses a button (by custom id) on a message the bot sent. */
  press(user: FakeUser, place: FakePlace, message: FakeMessage, customId: string): Sent {
    const { sent, payload } = this.base(user, place, 3, { custom_id: customId, component_type: 2 }, message);
    this.fake.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** Changes a string select (a checklist) on a message the bot sent: `values` is every option selected now. */
  select(user: FakeUser, place: FakePlace, message: FakeMessage, customId: string, values: readonly string[]): Sent {
    const { sent, payload } = this.base(user, place, 3, { custom_id: customId, component_type: 3, values: [...values] }, message);
    this.fake.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** Submits a modal with one text input, optionally opened from a message. */
  submit(user: FakeUser, place: FakePlace, customId: string, inputId: string, value: string, message?: FakeMessage): Sent {
    const data = { custom_id: customId, components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: inputId, value } }] };
    const { sent, payload } = this.base(user, place, 5, data, message);
    this.fake.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** The first response (callback) to an interaction. */
  callback(sent: Sent, timeoutMs = 5000): Promise<RecordedCall> {
    return this.fake.waitFor((c) => c.method === 'POST' && c.path === `/interactions/${sent.id}/${sent.token}/callback`, timeoutMs);
  }

  /** The message an interaction's answer now lives in (reply, update or the pressed message). */
  messageOf(sent: Sent): FakeMessage {
    const pressed = this.fake.pendingComponent.get(sent.token);
    const candidates = [...this.fake.messages.values()].filter((m) => m.token === sent.token && !m.deleted);
    const latest = candidates[candidates.length - 1];
    const message = latest ?? (pressed ? this.fake.messages.get(pressed) : undefined);
    if (!message) throw new Error('no message for interaction');
    return message;
  }
}
