/**
 * `/<prefix>-challenge stop`: for the starter, or anyone the platform marks as
 * a manager (Discord: Manage Channels or Manage Server). Stopping closes the
 * current question now: the next tick reveals it (scoring the answers given so
 * far) and posts the standings.
 */
import { CHALLENGE_KIND, type Challenge, challengeKey, channelOf, isRunning, NAME_MAX, parseChallenge, type ReadChallenge } from '../challenge/record.js';
import type { Reply } from '../views.js';
import { errorReply, type HandlerInput } from './context.js';

/** The running challenge of this channel, or of the thread it plays in (on Discord a thread is a channel of its own). */
async function findRunning(input: HandlerInput): Promise<(ReadChallenge & { key: string; due: number | undefined }) | undefined> {
  const store = input.deps.store;
  const channel = channelOf(input.ctx);
  const here = await store.getRecord(CHALLENGE_KIND, challengeKey(channel));
  const candidates = here ? [here] : await store.listRecords(CHALLENGE_KIND, { prefix: `${channel.platform}|${channel.workspace}|` });
  for (const raw of candidates) {
    const read = parseChallenge(raw);
    if (!read || !isRunning(read.challenge)) continue;
    if (raw === here || read.challenge.thread === channel.channel) return { ...read, key: raw.key, due: raw.due };
  }
  return undefined;
}

function mayStop(input: HandlerInput, c: Challenge): boolean {
  return input.ctx.user.id === c.starter.id || input.ctx.user.canManage === true;
}

export async function challengeStop(input: HandlerInput): Promise<Reply> {
  const { deps, ctx } = input;
  for (let tries = 0; tries < 5; tries++) {
    const found = await findRunning(input);
    if (!found) return errorReply('not-found', 'No challenge is running in this channel.');
    const c = found.challenge;
    if (!mayStop(input, c)) {
      return errorReply('not-yours', `Only ${c.starter.name}, who started this challenge, or a channel manager can stop it.`);
    }
    if (c.stopped) return { visibility: 'private', view: { kind: 'notice', title: 'Stopping', text: 'This challenge is already stopping.', actions: [] } };
    const now = deps.clock.now();
    const stopped: Challenge = {
      ...c,
      stopped: { name: ctx.user.name.slice(0, NAME_MAX) },
      ...(c.phase === 'asking' ? { deadline: Math.min(c.deadline, now) } : {}),
    };
    // An open question is due now; a step in progress keeps its lease's due time.
    const due = c.phase === 'asking' ? now : (found.due ?? now);
    const put = await deps.store.putRecord(CHALLENGE_KIND, found.key, stopped, { expected: found.version, due });
    if (put) {
      return {
        visibility: 'private',
        view: {
          kind: 'notice',
          title: 'Challenge stopped',
          text: 'The current question closes now: its answer and the final standings follow in the channel in a moment.',
          actions: [],
        },
      };
    }
  }
  return errorReply('quiz-running', 'The challenge is busy right now. Try stopping it again in a moment.');
}
