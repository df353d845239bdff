/**
 * The kill test of "many replicas": two real `npm start` processes (Slack HTTP
 * mode, distinct ports) on one Postgres database, each user's quiz steps spread
 * over both (every step goes to the other replica; every third is a double
 * click, the same button sent to both at once), and one replica SIGKILLed
 * mid-burst. Afterwards the database holds every answer the bot acknowledged
 * ("Correct! +N pts" / "Not quite." at the response_url) exactly once, with its
 * points; an answer whose reply was lost with the process may be stored, but
 * never twice; and no button was ever acknowledged twice.
 */
import { Agent } from 'node:http';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { esc, oneLine } from '../../adapters/slack/blocks-text.js';
import type { RecentAnswer, UserRecord } from '../../src/ports.js';
import { realRoles } from '../helpers/assistant.js';
import { createDatabase } from '../helpers/postgres.js';
import {
  actionForm,
  choiceButtons,
  commandForm,
  type FakeSlack,
  postSigned,
  type Replica,
  type SlackReply,
  type SlackUser,
  startFakeSlack,
  startReplica,
} from './cluster.js';

const USERS = 12;
/** Answers each user gives (two quizzes of four), within the 20 recent answers a record keeps. */
const ANSWERS = 8;
const QUIZ = 'start mixed 4';
const SPACE = 'devops-engineer@slack:T1';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

/** A question message: its number and question id, and its A-D buttons. */
interface Asked {
  number: number;
  questionId: string;
  buttons: { action_id: string; value?: string }[];
}

/** What one acknowledged answer said. */
interface Ack {
  questionId: string;
  correct: boolean;
  points: number;
}

type Outcome = { kind: 'ack'; ack: Ack; reply: SlackReply } | { kind: 'stale' } | { kind: 'lost' };

describe('many replicas: SIGKILL of one of two under load', () => {
  it('stores every acknowledged answer exactly once and never acknowledges a button twice', { timeout: 150_000 }, async () => {
    const roles = await realRoles();
    const devops = roles.find((r) => r.commandPrefix === 'devops');
    if (!devops) throw new Error('no devops role');
    const prompts = devops.questions.map((q) => ({ id: q.id, text: esc(oneLine(q.prompt)) }));

    const db = await createDatabase();
    cleanup.push(() => db.drop());
    const slack: FakeSlack = await startFakeSlack();
    cleanup.push(() => slack.close());
    const replicas = await Promise.all(['a', 'b'].map((name) => startReplica(name, { databaseUrl: db.url, apiUrl: slack.apiUrl })));
    for (const r of replicas) cleanup.push(() => r.stop());
    const victim = replicas[1] as Replica;
    const agents = new Map(replicas.map((r) => [r, new Agent({ keepAlive: true })]));
    let killed = false;
    const inFlight = new Map<Replica, number>(replicas.map((r) => [r, 0]));
    const counts = { sent: 0, acked: 0, ackedAfterKill: 0, stale: 0, lost: 0, inFlightAtKill: 0, doubleClicks: 0, crossReplica: 0, resumed: 0 };

    /** The question a message asks, or undefined for a summary. */
    function asked(reply: SlackReply): Asked | undefined {
      const hit = /^Question (\d+) of \d+: (.*)$/s.exec(reply.text);
      if (!hit) return undefined;
      const shown = (hit[2] as string).replace(/…$/, '');
      const found = prompts.filter((p) => p.text.startsWith(shown));
      expect(found, `one question for "${shown.slice(0, 60)}"`).toHaveLength(1);
      const buttons = choiceButtons(reply);
      expect(buttons).toHaveLength(4);
      return { number: Number(hit[1]), questionId: (found[0] as { id: string }).id, buttons };
    }

    /** Sends one signed request; a reply comes in the command's ack body or at its response_url. */
    async function send(r: Replica, form: (url: string) => string, command: boolean): Promise<SlackReply | undefined> {
      const url = slack.nextUrl();
      counts.sent++;
      inFlight.set(r, (inFlight.get(r) ?? 0) + 1);
      try {
        let res: { status: number; body: string };
        try {
          res = await postSigned(r.url, form(url), agents.get(r) as Agent);
        } catch (error) {
          if (r === victim && killed) return undefined;
          throw error;
        }
        expect(res.status, `${r.name}: ${res.body}`).toBe(200);
        if (command && res.body.trim().startsWith('{')) return JSON.parse(res.body) as SlackReply;
        // A live replica always replies; a killed one may have died before (or while) it did.
        const reply = await slack.reply(url, 30_000, () => (r.exitedAt() ?? Number.POSITIVE_INFINITY) < Date.now() - 1000);
        if (!reply && !(r === victim && killed)) throw new Error(`no reply from live replica ${r.name}: ${r.log()}`);
        return reply;
      } finally {
        inFlight.set(r, (inFlight.get(r) ?? 1) - 1);
      }
    }

    const alive = () => replicas.filter((r) => !(r === victim && killed));

    /** Starts a quiz, or is shown the running one ("You already have a quiz running here"). */
    async function question(user: SlackUser, turn: number): Promise<Asked> {
      for (let attempt = 0; ; attempt++) {
        const live = alive();
        const r = live[turn % live.length] as Replica;
        const reply = await send(r, (url) => commandForm('devops-quiz', QUIZ, user, url), true);
        if (reply) {
          const q = asked(reply);
          if (!q) throw new Error(`${user.id}: no question in ${JSON.stringify(reply).slice(0, 300)}`);
          return q;
        }
        if (attempt > 3) throw new Error(`${user.id}: no quiz after ${attempt} attempts`);
      }
    }

    function outcome(reply: SlackReply | undefined, questionId: string): Outcome {
      if (!reply) return { kind: 'lost' };
      const json = JSON.stringify(reply);
      const right = /\*Correct!\*\s+\+([\d,]+) pts?/.exec(json);
      if (right) return { kind: 'ack', reply, ack: { questionId, correct: true, points: Number((right[1] as string).replace(/,/g, '')) } };
      if (/\*Not quite\.\*/.test(json)) return { kind: 'ack', reply, ack: { questionId, correct: false, points: 0 } };
      if (json.includes(':hourglass:')) return { kind: 'stale' };
      throw new Error(`unexpected reply: ${json.slice(0, 400)}`);
    }

    const acks = new Map<string, Ack[]>();
    /** Answers sent whose reply was lost with the killed process: stored, or not, but once at most. */
    const unacknowledged = new Map<string, Set<string>>();

    async function play(index: number): Promise<void> {
      const user: SlackUser = { id: `U${index + 1}`, name: `player${index + 1}` };
      const mine: Ack[] = [];
      const maybe = new Set<string>();
      acks.set(user.id, mine);
      unacknowledged.set(user.id, maybe);
      let turn = index;
      let current: Asked | undefined;
      let lastReplica: Replica | undefined;
      while (mine.length + maybe.size < ANSWERS) {
        if (!current) {
          current = await question(user, turn++);
          continue;
        }
        const live = alive();
        const button = current.buttons[(index + turn) % 4] as Asked['buttons'][number];
        // Every third step a double click: the same button to both replicas at once.
        const targets = turn % 3 === 0 && live.length > 1 ? live : [live[turn % live.length] as Replica];
        if (targets.length > 1) counts.doubleClicks++;
        turn++;
        const results = await Promise.all(
          targets.map(async (r) => ({ r, o: outcome(await send(r, (url) => actionForm(button, user, url), false), (current as Asked).questionId) })),
        );
        const acked = results.filter((x) => x.o.kind === 'ack');
        counts.stale += results.filter((x) => x.o.kind === 'stale').length;
        counts.lost += results.filter((x) => x.o.kind === 'lost').length;
        expect(acked.length, `${user.id}: one press acknowledged at most once`).toBeLessThanOrEqual(1);
        const won = acked[0];
        if (won?.o.kind === 'ack') {
          mine.push(won.o.ack);
          counts.acked++;
          if (killed) counts.ackedAfterKill++;
          if (lastReplica !== undefined && won.r !== lastReplica) counts.crossReplica++;
          lastReplica = won.r;
          const next = asked(won.o.reply);
          // No step skipped or repeated: the next question is the next number.
          if (next) expect(next.number, user.id).toBe(current.number + 1);
          current = next;
          continue;
        }
        // No acknowledgement: a replica died with the press. Whether it was saved is the database's to say.
        expect(
          results.some((x) => x.o.kind === 'lost'),
          `${user.id}: a press with no acknowledgement and no lost reply`,
        ).toBe(true);
        maybe.add(current.questionId);
        counts.resumed++;
        current = undefined;
      }
    }

    const planned = USERS * ANSWERS;
    let over = false;
    const killer = (async () => {
      while (counts.acked < planned * 0.5 && !over) await new Promise((resolve) => setTimeout(resolve, 5));
      // Mid-burst: wait (briefly) for requests to be in flight at the victim.
      const deadline = Date.now() + 3000;
      while ((inFlight.get(victim) ?? 0) === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      counts.inFlightAtKill = inFlight.get(victim) ?? 0;
      killed = true;
      victim.proc.kill('SIGKILL');
      await victim.exited;
    })();
    const started = Date.now();
    await Promise.all(Array.from({ length: USERS }, (_, i) => play(i))).finally(() => (over = true));
    await killer;
    const seconds = (Date.now() - started) / 1000;
    for (const agent of agents.values()) agent.destroy();

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ user_id: string; record: UserRecord }>('SELECT user_id, record FROM panelist_users WHERE space = $1', [SPACE]);
    await client.end();
    const stored = new Map(rows.map((r) => [r.user_id, r.record]));
    let storedTotal = 0;
    let storedUnacknowledged = 0;
    for (const [userId, mine] of acks) {
      const record = stored.get(userId);
      expect(record, userId).toBeDefined();
      const recent = (record as UserRecord).recent;
      const byId = new Map<string, RecentAnswer[]>();
      for (const entry of recent) byId.set(entry.questionId, [...(byId.get(entry.questionId) ?? []), entry]);
      // Nothing twice.
      for (const [questionId, entries] of byId) expect(entries, `${userId} ${questionId}`).toHaveLength(1);
      expect(new Set(mine.map((a) => a.questionId)).size, `${userId}: no question acknowledged twice`).toBe(mine.length);
      // Every acknowledged answer is there, as acknowledged.
      for (const ack of mine) {
        const entry = byId.get(ack.questionId)?.[0];
        expect(entry, `${userId} acknowledged ${ack.questionId}`).toBeDefined();
        expect({ correct: entry?.correct, points: entry?.points }).toEqual({ correct: ack.correct, points: ack.points });
      }
      // Anything else is an answer whose reply died with the killed replica.
      const extra = recent.filter((e) => !mine.some((a) => a.questionId === e.questionId));
      for (const e of extra) expect(unacknowledged.get(userId)?.has(e.questionId), `${userId}: ${e.questionId} stored, never sent unanswered`).toBe(true);
      storedUnacknowledged += extra.length;
      // The counters agree with the history, which holds every answer (fewer than its cap of 20).
      const r = record as UserRecord;
      expect(recent.length).toBeLessThan(20);
      expect(r.answered, userId).toBe(recent.length);
      expect(r.correct, userId).toBe(recent.filter((e) => e.correct).length);
      expect(r.points, userId).toBe(recent.reduce((sum, e) => sum + e.points, 0));
      expect(r.points, userId).toBe(mine.reduce((sum, a) => sum + a.points, 0) + extra.reduce((sum, e) => sum + e.points, 0));
      storedTotal += recent.length;
    }
    console.log(
      `replicas kill test: ${counts.sent} signed requests in ${seconds.toFixed(1)} s (${counts.doubleClicks} double clicks, ` +
        `${counts.crossReplica} steps continued on the other replica); ${counts.acked} answers acknowledged ` +
        `(${counts.ackedAfterKill} after the kill), ${storedTotal} stored (${storedUnacknowledged} of them unacknowledged), ` +
        `${counts.stale} stale presses refused; SIGKILL with ${counts.inFlightAtKill} requests in flight, ${counts.lost} replies lost`,
    );
    expect(counts.inFlightAtKill).toBeGreaterThan(0);
    expect(counts.ackedAfterKill).toBeGreaterThan(0);
    expect(counts.crossReplica).toBeGreaterThan(USERS / 2);
    expect(counts.doubleClicks).toBeGreaterThan(0);
    expect(counts.stale).toBeGreaterThan(0);
    expect(storedTotal).toBe(counts.acked + storedUnacknowledged);
  });
});
