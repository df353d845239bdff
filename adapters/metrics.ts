/**
 * Prometheus metrics on prom-client, in a Registry of our own (never
 * prom-client's global one, so tests and embedders get clean counts): the
 * default process metrics, every request the serve loop serves, the store's
 * durable writes, and the solo quizzes open. Labels are bounded: a command
 * name from the known set or `other`, a button's family, never user text.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { routeAction } from '../src/actions.js';
import { type QuizSession, type Store, StoreWriteError } from '../src/ports.js';
import type { LogIds, Outcome, ServeWatcher } from './serve.js';

/** Metrics of one process, and what records them. */
export interface Metrics {
  readonly registry: Registry;
  /** Records `panelist_requests_total` and `panelist_request_duration_seconds`: pass to `watchServing`. */
  readonly watcher: ServeWatcher;
  /** `store`, timing its durable writes and counting their failures and the quiz sessions it opens and closes. */
  observeStore(store: Store): Store;
  /** The Prometheus text exposition of every metric. */
  text(): Promise<string>;
  /** The content type of {@link Metrics.text}. */
  readonly contentType: string;
}

/** What `createMetrics` may be told. */
export interface MetricsOptions {
  /** Command names the assistant offers: any other becomes `other`. Without it, any plausible name counts, up to MAX_COMMAND_LABELS. */
  commands?: readonly string[];
  /** Add Node's default process metrics (CPU, memory, event loop lag, handles). Default true. */
  processMetrics?: boolean;
}

/** Distinct `command` label values kept at most when the command set is not given; past it, `other`. */
export const MAX_COMMAND_LABELS = 200;

const COMMAND_SHAPE = /^[a-z0-9][a-z0-9-]{0,39}$/;

// Store methods that change something: a durable section that called none of them wrote nothing to time.
const WRITES = /^(update|put|delete|add|purge)/;

/** A `command` label for a request's ids: the command's name, `action:<family>` for a button, or `other`/`none`. */
function labeller(known: ReadonlySet<string> | undefined): (ids: LogIds) => string {
  const seen = new Set<string>();
  return (ids) => {
    if (ids.action !== undefined) return `action:${routeAction(ids.action)?.area.codec.area ?? 'unknown'}`;
    if (ids.command === undefined) return 'none';
    const name = ids.command.replace(/^\//, '').toLowerCase();
    if (known) return known.has(name) ? name : 'other';
    if (!COMMAND_SHAPE.test(name)) return 'other';
    if (!seen.has(name) && seen.size >= MAX_COMMAND_LABELS) return 'other';
    seen.add(name);
    return name;
  };
}

/** Creates the metrics of one process (see {@link Metrics}). */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'panelist_requests_total',
    help: 'Requests served, by platform, command (or action:<button family>) and outcome: ok, late (answered after a deferral), user-error, not-saved, fault.',
    labelNames: ['platform', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'panelist_request_duration_seconds',
    help: 'Time from receiving a request to its answer (or apology) being delivered, by platform.',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  const writeSeconds = new Histogram({
    name: 'panelist_store_write_seconds',
    help: "Time a request's changes waited to become durable (from the end of its work to the store confirming the write), for requests that changed something.",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const writeFailures = new Counter({
    name: 'panelist_store_write_failures_total',
    help: 'Durable writes the store refused (StoreWriteError): each is a user told "not saved".',
    registers: [registry],
  });
  const openQuizzes = new Gauge({
    name: 'panelist_open_quizzes',
    help: 'Solo quiz sessions started and not yet finished, as seen by this process since it started (other replicas and earlier runs are not counted).',
    registers: [registry],
  });
  // Keys of the sessions this process saw stored and not yet deleted: the Store port cannot count them.
  const open = new Set<string>();
  const sessionChange = (put: boolean, key: string) => {
    if (put) open.add(key);
    else open.delete(key);
    openQuizzes.set(open.size);
  };

  const label = labeller(options.commands ? new Set(options.commands.map((c) => c.replace(/^\//, '').toLowerCase())) : undefined);
  const watcher: ServeWatcher = {
    begin(platform, ids) {
      const command = label(ids);
      const stop = duration.startTimer({ platform });
      return (outcome: Outcome) => {
        stop();
        requests.inc({ platform, command, outcome });
      };
    },
  };

  return {
    registry,
    watcher,
    observeStore: (store) => observedStore(store, { writeSeconds, writeFailures, sessionChange }),
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

interface StoreObservers {
  writeSeconds: Histogram;
  writeFailures: Counter;
  sessionChange(put: boolean, key: string): void;
}

type Change = [put: boolean, key: string];

/**
 * A view of `target` with every method bound to it (so a class with private
 * fields keeps working) and `putSession`/`deleteSession` reported to `onChange`
 * once they resolve; `wrote` is told when any writing method is called.
 */
function tracked(target: Store, onChange: (change: Change) => void, wrote: () => void): Store {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof prop === 'string' && WRITES.test(prop)) wrote();
      if (prop === 'putSession') {
        return async (session: QuizSession) => {
          await method.call(t, session);
          onChange([true, session.key]);
        };
      }
      if (prop === 'deleteSession') {
        return async (key: string) => {
          await method.call(t, key);
          onChange([false, key]);
        };
      }
      return method.bind(t);
    },
  });
}

/**
 * The store decorated for metrics: `durably` timed (the wait after the
 * request's work, i.e. the write itself) and its StoreWriteError counted;
 * session changes counted only once durable, since a failed write undoes them.
 */
function observedStore(store: Store, observe: StoreObservers): Store {
  const direct = tracked(
    store,
    ([put, key]) => observe.sessionChange(put, key),
    () => undefined,
  );
  return new Proxy(store, {
    get(t, prop) {
      if (prop !== 'durably') return Reflect.get(direct, prop);
      return async <T>(work: (s: Store) => Promise<T>): Promise<T> => {
        const changes: Change[] = [];
        let wrote = false;
        let workEnded: bigint | undefined;
        try {
          const result = await t.durably(async (inner) => {
            const out = await work(
              tracked(
                inner,
                (c) => changes.push(c),
                () => {
                  wrote = true;
                },
              ),
            );
            workEnded = process.hrtime.bigint();
            return out;
          });
          for (const [put, key] of changes) observe.sessionChange(put, key);
          return result;
        } catch (error) {
          if (error instanceof StoreWriteError) observe.writeFailures.inc();
          throw error;
        } finally {
          if (wrote && workEnded !== undefined) observe.writeSeconds.observe(Number(process.hrtime.bigint() - workEnded) / 1e9);
        }
      };
    },
  });
}

let processWide: Metrics | undefined;

/**
 * This process's metrics, created on first use (with `options`; later calls
 * ignore theirs): what `npm start` records into and what `GET /metrics`
 * serves unless given others (tests make their own).
 */
export function processMetrics(options: MetricsOptions = {}): Metrics {
  processWide ??= createMetrics(options);
  return processWide;
}
