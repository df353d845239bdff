/**
 * The file store's writer: group commit into the journal, rollback when a write
 * fails, and handing pictures of the state to the compactor.
 *
 * Every accepted change gets a number (`ledger.ts`). Changes waiting at the
 * moment the writer is free form one group: one journal line, one write, one
 * fdatasync, shared by however many replies wait for it. A reply built inside
 * `durably` resolves only once its own changes are in a committed group.
 *
 * When a write fails (disk full, read-only, I/O error) every change not yet
 * durable is undone in memory and its waiters get `StoreWriteError`, so what
 * users are told matches the disk. Until a probe write succeeds new changes
 * are refused outright. The fault is logged once per streak of failures.
 *
 * Before each write the writer checks it still owns the lock; if not, it stops
 * for good and says so loudly: two writers on one file would corrupt it.
 */
import type { StoreHealth } from '../src/ports.js';
import { StoreWriteError } from '../src/ports.js';
import { Changes, rollback } from './changes.js';
import { Compactor, type CompactorOptions } from './compactor.js';
import { encodeGroup, JournalFile, type JournalItem } from './journal.js';
import { Ledger } from './ledger.js';
import { type HeldLock, LockLostError } from './lock.js';
import type { Persistence } from './memory-store.js';
import type { StoreChange, StoreState } from './store-state.js';

/** Options of the writer; the compactor's (paths, logger, snapshot, generation) come along. */
export interface WriterOptions extends Omit<CompactorOptions, 'onLockLost'> {
  state: StoreState;
  lock: HeldLock;
  /** How long to wait between probes while writes fail. */
  retryMs: number;
}

/** The persistence behind the file store. */
export class Writer implements Persistence {
  readonly label: string;
  private readonly ledger = new Ledger(() => `cannot write the ${this.label}: ${this.failure?.error ?? 'a write failed'}`);
  private pending = new Changes();
  private inflight: Changes | undefined;
  private status: StoreHealth['state'] = 'ok';
  private failure: { error: string; since: number } | undefined;
  private running: Promise<void> | undefined;
  private scheduled = false;
  private lockLostSignal = false;
  private probing: Promise<boolean> | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private journal: JournalFile | undefined;
  private readonly compactor: Compactor;

  constructor(private readonly options: WriterOptions) {
    this.label = `database ${options.paths.file}`;
    this.compactor = new Compactor({ ...options, onLockLost: () => this.lockLost() });
  }

  /** StoreState's listener: numbers the change and schedules a group. */
  record(change: StoreChange): void {
    this.pending.add(change, this.ledger.next());
    this.schedule();
  }

  admit(epoch?: number): void {
    if (this.status !== 'ok') throw this.writeError();
    if (epoch !== undefined && epoch !== this.ledger.epoch) {
      throw new StoreWriteError(`cannot write the ${this.label}: a write failed while this request ran, so none of it was kept`);
    }
  }

  mark(): { seq: number; epoch: number } {
    return { seq: this.ledger.seq, epoch: this.ledger.epoch };
  }

  waitFor(seqs: readonly number[]): Promise<void> {
    return this.ledger.wait(seqs.map((s) => [s, s]));
  }

  async flush(): Promise<void> {
    if (this.status === 'failing' && !(await this.probe())) throw this.writeError();
    if (this.status !== 'ok') throw this.writeError();
    // Changes already rolled back were reported to whoever made them; wait for the rest.
    const unsettled = this.ledger.unsettled();
    if (unsettled !== undefined) await this.ledger.wait([unsettled]);
  }

  health(): StoreHealth {
    const compaction = this.compactor.failure;
    const extra = compaction === undefined ? {} : { compactionError: compaction };
    if (this.status === 'ok') return { ok: true, state: 'ok', ...extra };
    return { ok: false, state: this.status, ...(this.failure ? { error: this.failure.error, since: this.failure.since } : {}), ...extra };
  }

  /** Called by the lock's heartbeat: the lock file is gone or another process's. */
  lockLost(): void {
    this.lockLostSignal = true;
    // While the loop runs it sees the signal before its next write.
    if (this.running === undefined) this.fail(this.lockLostError());
  }

  /** Folds the journal into the snapshot now and waits for it (benchmarks, tests, close). */
  async compact(): Promise<void> {
    // Pending changes first, so they count as journal to fold in.
    await this.kick();
    await this.compactor.idle();
    if (!this.compactor.needed()) return;
    this.compactor.force();
    // The picture must be taken by the loop, at a cut; a compaction already running makes it wait a round.
    while (this.status === 'ok' && this.compactor.forced && this.compactor.needed()) {
      await this.kick();
      await this.compactor.idle();
    }
    this.compactor.forced = false;
  }

  /** Writes what is pending, folds the journal into the snapshot, stops. Rejects if the last changes could not be saved. */
  async close(): Promise<void> {
    let failure: unknown;
    try {
      await this.flush();
      await this.running;
    } catch (error) {
      failure = error;
    }
    clearTimeout(this.probeTimer);
    // A failed final compaction loses nothing: the journal holds it, and the next start replays it.
    if (failure === undefined && this.status === 'ok') await this.compact();
    await this.compactor.idle();
    await this.journal?.close();
    this.journal = undefined;
    if (this.status === 'ok') this.status = 'closed';
    if (failure !== undefined) throw failure;
  }

  private schedule(): void {
    if (this.running !== undefined || this.scheduled || this.status !== 'ok') return;
    this.scheduled = true;
    // setImmediate, not a microtask: every change of this turn of the event loop joins the group.
    setImmediate(() => {
      this.scheduled = false;
      void this.kick();
    });
  }

  private kick(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
      // Changes may have arrived after the last check of the loop.
      if (this.pending.last > 0) this.schedule();
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    // Yield first so `running` is assigned before the loop can reach its end.
    await null;
    while (this.status === 'ok') {
      if (this.lockLostSignal) return this.fail(this.lockLostError());
      const changes = this.pending.last > 0;
      const compact = this.compactor.due();
      if (!changes && !compact) return;
      let items: JournalItem[] = [];
      if (changes) {
        this.inflight = this.pending;
        this.pending = new Changes();
        items = this.inflight.items(this.options.state);
      }
      // Taken at the cut, the picture is exactly what the journal holds once this group is in.
      const picture = compact ? this.options.state.toFile() : undefined;
      if (changes) {
        try {
          await this.commit(items);
        } catch (error) {
          return this.fail(error);
        }
      }
      if (picture !== undefined) {
        // The compaction moves writes on to a new generation: the next commit opens it.
        const old = this.journal;
        this.journal = undefined;
        this.compactor.start(picture);
        void old?.close();
      }
    }
  }

  private async commit(items: readonly JournalItem[]): Promise<void> {
    // The lock check (a stat, off the loop) runs while the group is serialised.
    const lockChecked = this.checkLock();
    lockChecked.catch(() => {});
    const text = await encodeGroup(items);
    await lockChecked;
    this.journal ??= await JournalFile.open(this.options.paths.journal(this.compactor.gen), this.options.paths.dir);
    await this.journal.append(text);
    const last = this.inflight?.last ?? 0;
    this.inflight = undefined;
    this.compactor.grew(Buffer.byteLength(text));
    this.ledger.committed(last);
  }

  private async checkLock(): Promise<void> {
    if (this.lockLostSignal || !(await this.options.lock.verify())) throw this.lockLostError();
  }

  private lockLostError(): LockLostError {
    return new LockLostError(`the lock ${this.options.lock.path} is gone or held by another process`);
  }

  /** A write failed: stop, undo everything not durable, tell its waiters, and probe until writes work. */
  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const { logger, paths } = this.options;
    if (error instanceof LockLostError) {
      if (this.status !== 'lock-lost') {
        logger.error('database lock lost: another process took over the database; this process has stopped writing and must be restarted', {
          file: paths.file,
          lock: paths.lock,
          error: message,
        });
        this.failure = { error: `${message}; this process has stopped writing`, since: Date.now() };
      }
      this.status = 'lock-lost';
      clearTimeout(this.probeTimer);
    } else if (this.status !== 'lock-lost') {
      if (this.status === 'ok') {
        logger.error('database writes are failing: replies say "not saved" until a write succeeds again', { file: paths.file, error: message });
        this.failure = { error: message, since: Date.now() };
      }
      this.status = 'failing';
      this.scheduleProbe();
    }
    // After the status and cause are set, so the waiters' errors carry them.
    rollback(this.options.state, this.inflight, this.pending);
    this.inflight = undefined;
    this.pending = new Changes();
    this.ledger.rolledBack();
  }

  private scheduleProbe(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), this.options.retryMs);
    this.probeTimer.unref();
  }

  /** Tries a real write (and the lock); true when writes work again. */
  private probe(): Promise<boolean> {
    if (this.status !== 'failing') return Promise.resolve(this.status === 'ok');
    this.probing ??= (async () => {
      try {
        await this.checkLock();
        this.journal ??= await JournalFile.open(this.options.paths.journal(this.compactor.gen), this.options.paths.dir);
        await this.journal.recover();
      } catch (error) {
        if (error instanceof LockLostError) this.fail(error);
        else {
          // Still failing: the same streak, so nothing is logged; health shows the latest cause.
          if (this.failure) this.failure.error = error instanceof Error ? error.message : String(error);
          this.scheduleProbe();
        }
        return false;
      } finally {
        this.probing = undefined;
      }
      const failedForMs = Date.now() - (this.failure?.since ?? Date.now());
      this.options.logger.warn('database writes work again', { file: this.options.paths.file, failedForMs });
      this.status = 'ok';
      this.failure = undefined;
      return true;
    })();
    return this.probing;
  }

  private writeError(): StoreWriteError {
    if (this.status === 'closed') return new StoreWriteError(`the ${this.label} is closed`);
    return new StoreWriteError(`cannot write the ${this.label}: ${this.failure?.error ?? 'writes are failing'}`);
  }
}
