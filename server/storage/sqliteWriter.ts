import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './sqliteWriterThread';
import type { AnalyticsEvent, BoardId, BoardWrite, Profile } from './types';

/**
 * The SQLite file's only writer, on its own thread. With synchronous=FULL every commit waits for an
 * fsync (a millisecond or more); on the server's thread that wait would stop every read for as long.
 * Here it stops nothing: the server thread keeps answering reads from its own connection (WAL lets
 * readers and one writer work at once) while this thread waits for the disk. Writes that arrive while
 * one commits are committed together, one fsync for all of them, and each is answered only after its
 * commit, so an acknowledged write is as durable as before.
 *
 * The thread's code is in sqliteWriterThread.ts; its messages are typed below.
 */

export interface SubmitWrite {
  kind: 'submit';
  boards: readonly BoardWrite[];
  openId: string;
  score: number;
  achievedAt: number;
  sortKey: number;
}

export interface ProfileWrite {
  kind: 'profile';
  openId: string;
  profile: Profile;
  updatedAt: number;
}

export interface EventsWrite {
  kind: 'events';
  openId: string;
  events: readonly AnalyticsEvent[];
  receivedAt: number;
  maxEvents: number;
}

/**
 * Deletes the boards whose expiry is at or before `now` in batches of about 2 ms (at most `batchRows`
 * rows), with the writes that arrive meanwhile committed between batches: a million-row board in one
 * transaction held every submission for seconds.
 */
export interface ExpireWrite {
  kind: 'expire';
  now: number;
  /** Infinity: each board in one transaction, as before batches (the benchmark's baseline). */
  batchRows: number;
}

export type Write = SubmitWrite | ProfileWrite | EventsWrite | ExpireWrite;

/** One board whose best changed: the old key (null for a new player) and the new one. */
export interface BoardChange {
  board: BoardId;
  oldKey: number | null;
  newKey: number;
}

/** For a submit: what changed, and the first board's best after it. */
export interface SubmitResult {
  changes: BoardChange[];
  best: number;
  bestKey: number;
  newBest: boolean;
}

/** For an expire: the boards deleted. */
export interface ExpireResult {
  removed: BoardId[];
}

type Result = SubmitResult | ExpireResult | null;
type Reply = { id: number; ok: true; result: Result } | { id: number; ok: false; error: string };

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;
  private closing = false;
  readonly ready: Promise<void>;

  constructor(file: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    // Keeps the process alive only while a write is waiting for its answer (see settle()).
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve: () => resolve(), reject });
    });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      this.settle();
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`sqlite write failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the sqlite writer thread exited (code ${code})`)));
  }

  /** Resolves after the write has committed (and its fsync returned). */
  write(write: SubmitWrite): Promise<SubmitResult>;
  write(write: ExpireWrite): Promise<ExpireResult>;
  write(write: ProfileWrite | EventsWrite): Promise<null>;
  write(write: Write): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, write });
    });
  }

  /** An idle writer does not keep the process running; the server or a test decides when to exit. */
  private settle(): void {
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.closing = true;
    this.worker.ref(); // until it has exited, or nothing would keep the process waiting for it
    this.worker.postMessage('close');
    await exited;
  }
}
