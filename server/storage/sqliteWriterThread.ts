/**
 * The code of the SQLite writer thread (sqliteWriter.ts): plain JavaScript evaluated from this string,
 * so it starts in milliseconds and needs no TypeScript loader. It applies the writes it is sent in
 * order, commits all that arrived while the last commit waited for the disk in one transaction, and
 * deletes expired boards in short batches between them.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const best = db.prepare('SELECT score, sort_key FROM board_scores WHERE board = ? AND open_id = ?');
const keepBest = db.prepare(\`
  INSERT INTO board_scores (board, open_id, score, achieved_at, sort_key) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (board, open_id) DO UPDATE
    SET score = excluded.score, achieved_at = excluded.achieved_at, sort_key = excluded.sort_key
    WHERE excluded.sort_key < board_scores.sort_key\`);
const saveProfile = db.prepare(\`
  INSERT INTO profiles (open_id, display_name, avatar_url, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (open_id) DO UPDATE SET display_name = excluded.display_name,
    avatar_url = excluded.avatar_url, updated_at = excluded.updated_at\`);
const addEvent = db.prepare('INSERT INTO events (open_id, name, entry_point, at, received_at) VALUES (?, ?, ?, ?, ?)');
const trimEvents = db.prepare('DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?');
const noteExpiry = db.prepare('INSERT INTO board_expiry (board, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
const expired = db.prepare('SELECT board FROM board_expiry WHERE expires_at <= ?').pluck();
const lastOfBatch = db.prepare(
  'SELECT open_id FROM board_scores WHERE board = ? ORDER BY open_id LIMIT 1 OFFSET ?').pluck();
const dropUpTo = db.prepare('DELETE FROM board_scores WHERE board = ? AND open_id <= ?');
const dropScores = db.prepare('DELETE FROM board_scores WHERE board = ?');
const dropExpiry = db.prepare('DELETE FROM board_expiry WHERE board = ?');
// Boards whose expiry is already recorded: one row per board and period, not one write per run.
const noted = new Set();

function submit(w) {
  const changes = [];
  let first = null;
  for (const { board, expiresAt } of w.boards) {
    if (expiresAt !== null && !noted.has(board)) {
      noteExpiry.run(board, expiresAt);
      noted.add(board);
    }
    const old = best.get(board, w.openId);
    const written = keepBest.run(board, w.openId, w.score, w.achievedAt, w.sortKey).changes > 0;
    if (written) changes.push({ board, oldKey: old ? old.sort_key : null, newKey: w.sortKey });
    if (first === null) {
      first = written
        ? { best: w.score, bestKey: w.sortKey, newBest: true }
        : { best: old.score, bestKey: old.sort_key, newBest: false };
    }
  }
  return { changes, ...first };
}

// One batch of the oldest clean-up: its first board loses up to job.rows rows, in key order; a board
// with none left loses its expiry row too and counts as removed. True when the clean-up is done.
const deleteBatch = db.transaction((job) => {
  const board = job.boards[0];
  if (board === undefined) return true;
  const last = Number.isFinite(job.rows) ? lastOfBatch.get(board, job.rows - 1) : undefined;
  if (last !== undefined) {
    dropUpTo.run(board, last);
    return false;
  }
  dropScores.run(board);
  dropExpiry.run(board);
  noted.delete(board);
  job.boards.shift();
  job.removed.push(board);
  return job.boards.length === 0;
});

function apply(w) {
  if (w.kind === 'submit') return submit(w);
  if (w.kind === 'profile') {
    saveProfile.run(w.openId, w.profile.displayName, w.profile.avatarUrl, w.updatedAt);
  } else {
    for (const e of w.events) addEvent.run(w.openId, e.name, e.entryPoint, e.at, w.receivedAt);
    trimEvents.run(w.maxEvents);
  }
  return null;
}

// Everything that arrived while the last commit was waiting for the disk: one transaction, one fsync.
let queue = [];
// Clean-ups in progress, oldest first; one batch of the first runs per turn, after the writes queued.
const cleanups = [];
const commitAll = db.transaction((batch) => batch.map((m) => apply(m.write)));
function flush() {
  const batch = queue;
  queue = [];
  let results;
  try {
    results = commitAll(batch);
  } catch (error) {
    // One bad write must not sink the others: retry them one by one. The rollback took back any expiry
    // rows noted in it, so they are noted again.
    noted.clear();
    for (const m of batch) {
      try {
        parentPort.postMessage({ id: m.id, ok: true, result: db.transaction(apply)(m.write) });
      } catch (e) {
        noted.clear();
        parentPort.postMessage({ id: m.id, ok: false, error: String(e && e.message || e) });
      }
    }
    return;
  }
  batch.forEach((m, i) => parentPort.postMessage({ id: m.id, ok: true, result: results[i] }));
}

// A batch commits without waiting for the disk (synchronous=NORMAL, which in WAL mode still never
// corrupts the file): a deletion lost to a power cut is simply done again at the next clean-up, and the
// next submission's commit (FULL) makes it durable anyway. An fsync per batch would make every
// submission behind it wait for the disk too. And the write-ahead log is copied back into the file
// (checkpointed) every 100 pages instead of every 1,000: a checkpoint holds up the writes behind it
// for as long as it copies, and a clean-up writes many pages.
function expireBatch(job) {
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 100');
  try {
    return deleteBatch(job);
  } finally {
    db.pragma('wal_autocheckpoint = 1000');
    db.pragma('synchronous = FULL');
  }
}

// A batch aims at this long: what a write arriving meanwhile may wait. Rows cost more on a larger
// board (each one moves pages of two B-trees), so the batch size follows the time the last one took.
// A million-player board then takes about a minute to delete (docs/server.md, "Benchmark", expiry).
const BATCH_MS = 2;

// Runs one batch of the oldest clean-up; answers how long it took (ms).
function cleanUpBatch() {
  const job = cleanups[0];
  const started = performance.now();
  let done;
  try {
    done = expireBatch(job);
  } catch (error) {
    cleanups.shift();
    parentPort.postMessage({ id: job.id, ok: false, error: String(error && error.message || error) });
    return 0;
  }
  const took = Math.max(0.1, performance.now() - started);
  if (Number.isFinite(job.batchRows)) {
    job.rows = Math.max(16, Math.min(job.batchRows, Math.round((job.rows * BATCH_MS) / took)));
  }
  if (done) {
    cleanups.shift();
    parentPort.postMessage({ id: job.id, ok: true, result: { removed: job.removed } });
  }
  return took;
}

// Each turn commits the writes that arrived, then runs one clean-up batch if the rest after the last
// one is over: after a batch the thread rests as long as it took, so a clean-up takes half of a core at
// most (not all of one the server's requests need) and a write arriving during the rest is committed
// at once; one arriving during a batch waits for that batch only.
let scheduled = false;
let resting = null;
let nextBatchAt = 0;
function turn() {
  scheduled = false;
  if (queue.length > 0) flush();
  if (cleanups.length > 0 && performance.now() >= nextBatchAt) nextBatchAt = performance.now() + cleanUpBatch();
  if (queue.length > 0) schedule();
  else if (cleanups.length > 0) rest(nextBatchAt - performance.now());
}
function rest(ms) {
  resting = setTimeout(() => {
    resting = null;
    schedule();
  }, Math.max(0, ms));
}
function schedule() {
  if (resting !== null) {
    clearTimeout(resting);
    resting = null;
  }
  if (!scheduled) {
    scheduled = true;
    setImmediate(turn);
  }
}

parentPort.on('message', (m) => {
  if (m === 'close') {
    if (queue.length > 0) flush();
    // An unfinished clean-up answers with the boards it finished; the rest keep their expiry rows and
    // go at the next clean-up.
    for (const job of cleanups) parentPort.postMessage({ id: job.id, ok: true, result: { removed: job.removed } });
    db.close();
    process.exit(0);
  }
  if (m.write.kind === 'expire') {
    const { now, batchRows } = m.write;
    const rows = Number.isFinite(batchRows) ? Math.min(500, batchRows) : batchRows;
    cleanups.push({ id: m.id, boards: expired.all(now), removed: [], batchRows, rows });
  } else {
    queue.push(m);
  }
  schedule();
});
parentPort.postMessage({ id: 0, ok: true, result: null });
`;
