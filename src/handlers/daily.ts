/**
 * `/<prefix>-daily start|stop|status`: schedule one question a day in this
 * channel at HH:MM in a time zone (every day or weekdays only), stop it, and
 * show it. Whoever may manage the channel may start and stop it: where the
 * platform says (Discord's Manage Channels, as `canManage`), that decides;
 * where it does not (Slack), any member of the channel may.
 */
import { TIERS, type Tier } from '../content/schema.js';
import { ANSWER_KIND, POST_KIND, readPost, readSchedule, SCHEDULE_KIND, type Schedule, scheduleKey } from '../daily/records.js';
import { dueAfter } from '../daily/run.js';
import { answerText, dateLabel, nextText, timeText } from '../daily/views.js';
import { checkZone } from '../daily/zone.js';
import { keepReply } from '../private-reply.js';
import type { DailyLast, Reply } from '../views.js';
import { commandName, errorReply, type HandlerInput, stringValue } from './context.js';

const DEFAULT_TIME = { hh: 9, mm: 0 };

function channelOf(input: HandlerInput) {
  return { platform: input.ctx.user.platform, workspace: input.ctx.space, channel: input.ctx.conversation };
}

function keyOf(input: HandlerInput): string {
  return scheduleKey(channelOf(input), input.rt.role.id);
}

function refused(input: HandlerInput): Reply | undefined {
  if (input.ctx.space === 'dm') return errorReply('bad-arguments', 'The question of the day is for a channel: run this in the channel it should be posted in.');
  if (input.ctx.user.canManage === false) {
    return errorReply('not-yours', 'Only someone who may manage this channel (Manage Channels) can start or stop its question of the day.');
  }
  return undefined;
}

/** `09:00`, `9:30`, `9`: hours and minutes; undefined for anything else. */
export function parseTime(text: string): { hh: number; mm: number } | undefined {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(text.trim());
  const hh = Number(m?.[1]);
  const mm = Number(m?.[2] ?? 0);
  return m && hh <= 23 && mm <= 59 ? { hh, mm } : undefined;
}

interface Settings {
  time?: { hh: number; mm: number };
  zone?: string;
  tier?: Tier | 'mixed';
  weekdays?: boolean;
  problems: string[];
}

// Words after `tz:` in typed text (`tz:Europe/London weekdays`) arrive with the zone: they are read here.
function readWord(word: string, out: Settings): void {
  const w = word.toLowerCase();
  if (w === 'weekdays' || w === 'weekday') out.weekdays = true;
  else if (w === 'every' || w === 'daily') out.weekdays = false;
  else if ((TIERS as readonly string[]).includes(w) || w === 'mixed') out.tier = w as Tier | 'mixed';
  else if (parseTime(w)) out.time = parseTime(w);
  else if (out.zone === undefined) out.zone = word;
  else out.problems.push(`Unexpected "${word.slice(0, 40)}"`);
}

function settingsOf(input: HandlerInput): Settings {
  const out: Settings = { problems: [] };
  const days = stringValue(input.values, 'days');
  if (days) out.weekdays = days === 'weekdays';
  const tier = stringValue(input.values, 'tier');
  if (tier) out.tier = tier as Tier | 'mixed';
  const [first, ...rest] = (stringValue(input.values, 'time') ?? '').split(/\s+/).filter(Boolean);
  if (first !== undefined) {
    const time = parseTime(first);
    if (time) out.time = time;
    else out.problems.push(`"${first.slice(0, 20)}" is not a time: use HH:MM, 24-hour (09:00, 17:30)`);
  }
  const [zone, ...more] = (stringValue(input.values, 'tz') ?? '').split(/\s+/).filter(Boolean);
  if (zone) out.zone = zone;
  for (const word of [...rest, ...more]) readWord(word, out);
  return out;
}

/** `start [HH:MM] [tier] [tz:Zone] [days:weekdays]`: schedules (or reschedules) this channel's question of the day. */
export async function dailyStart(input: HandlerInput): Promise<Reply> {
  const no = refused(input);
  if (no) return no;
  const usage = `${commandName(input, 'daily')} start 09:00 technical tz:Europe/London days:weekdays`;
  const settings = settingsOf(input);
  if (settings.problems.length > 0) return errorReply('bad-arguments', `${settings.problems.join('. ')}.`, usage);
  const key = keyOf(input);
  const { store, clock } = input.deps;
  const current = readSchedule(await store.getRecord(SCHEDULE_KIND, key));
  const zone = checkZone(settings.zone ?? current?.value.tz ?? input.deps.dailyTz ?? 'UTC');
  if (!zone.ok) return errorReply('bad-arguments', zone.message, usage);
  const now = clock.now();
  const time = settings.time ?? (current ? { hh: current.value.hh, mm: current.value.mm } : DEFAULT_TIME);
  const replyTo = keepReply(input.ctx, now);
  const schedule: Schedule = {
    roleId: input.rt.role.id,
    channel: channelOf(input),
    ...time,
    tz: zone.zone,
    weekdaysOnly: settings.weekdays ?? current?.value.weekdaysOnly ?? false,
    tier: settings.tier ?? current?.value.tier ?? 'mixed',
    // A reschedule keeps what was served and the post to reveal.
    seen: current?.value.seen ?? [],
    ...(current?.value.last ? { last: current.value.last } : {}),
    startedBy: input.ctx.user.name,
    startedAt: now,
    // So the starter hears privately if the first post, when it comes while this handle lasts, is refused.
    ...(replyTo ? { replyTo } : {}),
  };
  const written = await store.putRecord(SCHEDULE_KIND, key, schedule, { expected: current?.version ?? 0, due: dueAfter(schedule, now) });
  if (!written) return errorReply('stale-action', 'Someone changed this schedule at the same moment: run the command again.');
  const days = schedule.weekdaysOnly ? 'every weekday' : 'every day';
  return {
    visibility: 'public',
    view: {
      kind: 'notice',
      title: current ? 'Question of the day rescheduled' : 'Question of the day scheduled',
      text: `A ${schedule.tier === 'mixed' ? '' : `${schedule.tier} `}question ${days} at ${timeText(schedule)} ${schedule.tz}, with A–D buttons. First: ${nextText(schedule, now)}. Each post reveals the previous answer. Stop it with ${commandName(input, 'daily')} stop.`,
      actions: [],
    },
  };
}

/** `stop`: no more posts here; what was posted and answered stays counted. */
export async function dailyStop(input: HandlerInput): Promise<Reply> {
  const no = refused(input);
  if (no) return no;
  const deleted = await input.deps.store.deleteRecord(SCHEDULE_KIND, keyOf(input));
  if (!deleted)
    return errorReply('not-found', `No question of the day is scheduled in this channel. Start one with ${commandName(input, 'daily')} start 09:00.`);
  return {
    visibility: 'public',
    view: {
      kind: 'notice',
      title: 'Question of the day stopped',
      text: `${input.ctx.user.name} stopped the question of the day in this channel. Points already won stay.`,
      actions: [],
    },
  };
}

/** `status`: the schedule (time, zone, days, next post) and the latest post's result. */
export async function dailyStatus(input: HandlerInput): Promise<Reply> {
  const { store, clock } = input.deps;
  const read = readSchedule(await store.getRecord(SCHEDULE_KIND, keyOf(input)));
  const roleTitle = input.rt.role.title;
  if (!read) {
    const note = `No question of the day is scheduled here. Start one with ${commandName(input, 'daily')} start 09:00.`;
    return { visibility: 'private', view: { kind: 'daily-status', roleTitle, note, actions: [] } };
  }
  const s = read.value;
  let last: DailyLast | undefined;
  const post = s.last ? readPost(await store.getRecord(POST_KIND, s.last)) : undefined;
  const q = post ? input.rt.byId.get(post.value.questionId) : undefined;
  if (post && q && s.last) {
    const p = post.value;
    const answered = p.closed?.answered ?? (await store.listRecords(ANSWER_KIND, { prefix: `${s.last}|`, limit: 10_000 })).length;
    last = { date: dateLabel(p.date), prompt: q.prompt, answered, ...(p.closed ? { answer: answerText(q, p.order), correct: p.closed.correct } : {}) };
  }
  return {
    visibility: 'private',
    view: {
      kind: 'daily-status',
      roleTitle,
      schedule: {
        time: timeText(s),
        tz: s.tz,
        days: s.weekdaysOnly ? 'weekdays (Monday to Friday)' : 'every day',
        tier: s.tier,
        next: nextText(s, clock.now()),
        startedBy: s.startedBy,
      },
      ...(last ? { last } : {}),
      ...(s.lastError ? { problem: `The latest post could not be made: ${s.lastError.message}` } : {}),
      actions: [],
    },
  };
}
