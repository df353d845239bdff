/**
 * Two real `npm start` processes (Slack HTTP mode) on one Postgres database,
 * both ticking, running one channel challenge on the real clock: started on
 * replica A, answered by three players whose clicks land on A and B (one of
 * them a double click sent to both at once), revealed at its deadline. The
 * fake Slack must see exactly one chat.update revealing the question and one
 * standings post, and Postgres must hold each player's points exactly once.
 * Also measured: how late the reveal reached Slack after the stored deadline.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/ports.js';
import { createDatabase } from '../helpers/postgres.js';
import { REPLICA_SECRET, type Replica, startReplica } from '../replicas/cluster.js';
import {
  actionBody,
  commandBody,
  type Posted,
  postSigned,
  type ResponseServer,
  startFakeSlackApi,
  startResponseServer,
  type TestUser,
  textOf,
} from '../slack/fakes.js';
import { callsOf, checkPosted, distinctTs, eventually, messageOf, pick, slackAnswers, visible } from './support.js';

const SPACE = 'devops-engineer@slack:T1';
const ADA: TestUser = { id: 'U1', name: 'ada' };
const GRACE: TestUser = { id: 'U2', name: 'grace' };
const LINUS: TestUser = { id: 'U3', name: 'linus' };

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
}, 60_000);

/** Sends a signed request to a replica's events endpoint; fails on anything but 200. */
async function send(replica: Replica, body: string): Promise<string> {
  const res = await postSigned(replica.url, body, { secret: REPLICA_SECRET });
  if (res.status !== 200) throw new Error(`replica ${replica.name} answered ${res.status}: ${res.text}\n${replica.log()}`);
  return res.text;
}

/** Presses `button` as `user` on `replica`; resolves with the private reply at its response_url. */
async function click(responses: ResponseServer, replica: Replica, button: { action_id: string; value?: string }, user: TestUser): Promise<Posted> {
  const url = responses.next();
  await send(replica, actionBody(button, url, user));
  await eventually(() => responses.all(url).length > 0, `${user.name}'s reply from replica ${replica.name}`, 15_000);
  return responses.all(url)[0]!;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('two replicas on one Postgres run one challenge', () => {
  it('reveal once, post the standings once and score each player once', { timeout: 180_000 }, async () => {
    const db = await createDatabase();
    cleanup.push(() => db.drop());
    const api = await startFakeSlackApi();
    cleanup.push(() => api.close());
    const stamps = distinctTs(api);
    const responses = await startResponseServer();
    cleanup.push(() => responses.close());
    const [a, b] = await Promise.all(['a', 'b'].map((name) => startReplica(name, { databaseUrl: db.url, apiUrl: api.url })));
    for (const r of [a!, b!]) cleanup.push(() => r.stop());
    const A = a!;
    const B = b!;

    // Started on A: the shortest question there is, on the real clock.
    const startUrl = responses.next();
    const acked = await send(A, commandBody('devops-challenge', 'basic 1 seconds:10', startUrl, ADA));
    // A reply slower than the ack deadline goes to the response_url instead (a loaded machine): either is fine.
    if (!acked) await eventually(() => responses.all(startUrl).length > 0, 'the start reply', 15_000);
    const started = acked ? (JSON.parse(acked) as Posted) : responses.all(startUrl)[0]!;
    expect(started.response_type).toBe('ephemeral');
    expect(textOf(started)).toContain('Challenge starting');

    // Whichever replica ticks first posts the question, once.
    await eventually(() => callsOf(api, 'chat.postMessage').length > 0, 'the question post', 20_000);
    const q1Call = callsOf(api, 'chat.postMessage')[0]!;
    const q1 = messageOf(q1Call);
    expect(visible(q1)).toContain('Question 1 of 1');
    const buttons = slackAnswers(q1);
    expect(buttons).toHaveLength(4);

    // Ada right on A; Grace wrong on B; Linus right, clicking on both replicas at once.
    const ada = await click(responses, A, pick(buttons, true), ADA);
    const grace = await click(responses, B, pick(buttons, false), GRACE);
    const [l1, l2] = await Promise.all([click(responses, A, pick(buttons, true), LINUS), click(responses, B, pick(buttons, true), LINUS)]);
    for (const [i, r] of [started, ada, grace, l1!, l2!].entries()) {
      expect(r.response_type, `reply ${i}`).toBe('ephemeral');
      checkPosted(r, `reply ${i}`);
    }
    expect(textOf(ada)).toContain('Locked in');
    expect(textOf(grace)).toContain('Locked in');
    const linus = [textOf(l1!), textOf(l2!)];
    expect(
      linus.filter((t) => t.includes('Locked in')),
      linus.join('\n'),
    ).toHaveLength(1);
    expect(
      linus.filter((t) => t.includes('You already answered')),
      linus.join('\n'),
    ).toHaveLength(1);

    // Past the deadline: one reveal and one standings post, whoever does them.
    await eventually(() => callsOf(api, 'chat.postMessage').length >= 2, `the standings (saw ${api.calls.map((c) => c.method).join(', ')})`, 45_000);
    // Several more ticks of both replicas: a second reveal or standings would show by now.
    await new Promise((r) => setTimeout(r, 3500));
    const updates = callsOf(api, 'chat.update');
    expect(updates, 'reveals').toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel: 'C1', ts: stamps.ts.get(q1Call) });
    const reveal = visible(messageOf(updates[0]!));
    expect(reveal).toContain('Right (2 of 3): ada, linus');
    const posts = callsOf(api, 'chat.postMessage');
    expect(posts, 'posts').toHaveLength(2);
    const standings = messageOf(posts[1]!);
    expect(standings.thread_ts).toBe(stamps.ts.get(q1Call));
    expect(visible(standings)).toContain('Challenge finished');
    for (const c of [...posts, ...updates]) checkPosted(messageOf(c), c.method);

    // Postgres: the challenge is over, and each player's answer is scored exactly once.
    const [record] = await query<{ value: { phase: string; deadline: number; openedAt: number; scores: Record<string, { points: number }> } }>(
      db.url,
      "SELECT value FROM records WHERE kind = 'challenge' AND key = 'slack|T1|C1'",
    );
    expect(record?.value.phase).toBe('done');
    const users = await query<{ user_id: string; points: number; record: UserRecord }>(
      db.url,
      'SELECT user_id, points, record FROM panelist_users WHERE space = $1 ORDER BY user_id',
      [SPACE],
    );
    expect(users.map((u) => u.user_id)).toEqual(['U1', 'U2', 'U3']);
    const questionId = buttons[0]!.questionId;
    for (const u of users) {
      const right = u.user_id !== 'U2';
      expect(u.record.answered, u.user_id).toBe(1);
      expect(u.record.correct, u.user_id).toBe(right ? 1 : 0);
      expect(
        u.record.recent.map((x) => x.questionId),
        u.user_id,
      ).toEqual([questionId]);
      expect(u.points, u.user_id).toBe(u.record.points);
      expect(u.points, u.user_id).toBe(record?.value.scores[u.user_id]?.points);
      if (right) {
        expect(u.points).toBeGreaterThanOrEqual(100);
        expect(u.points).toBeLessThanOrEqual(150);
        expect(visible(standings)).toContain(`${u.record.name} — 1 correct · ${u.points} points`);
      } else expect(u.points).toBe(0);
    }

    // The figure: how long after the stored deadline the reveal reached Slack (the ticker's second plus the 500 ms grace).
    const latency = (stamps.at.get(updates[0]!) ?? 0) - (record?.value.deadline ?? 0);
    const standingsAfter = (stamps.at.get(posts[1]!) ?? 0) - (record?.value.deadline ?? 0);
    console.log(`[figure] challenge reveal latency from deadline: ${latency} ms (standings ${standingsAfter} ms), two replicas on Postgres`);
    expect(latency).toBeGreaterThanOrEqual(500);
    expect(latency).toBeLessThan(10_000);
  });
});
