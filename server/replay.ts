/**
 * How the server checks a run: it replays the run's seed and input log with the game's deterministic
 * rules and compares the score the replay produces with the score the client claims. The game is
 * injected (server/index.ts wires the registered game through gameReplay.ts), so tests can use a fake.
 */

export type ReplayVerdict =
  /** The run record is well formed; `score` is what replaying it produces. */
  | { ok: true; score: number }
  /** The run record is malformed (the core's parser says why); nothing was replayed. */
  | { ok: false; error: string };

/**
 * Parses and replays a run as it arrived. The server itself only checks `claimedScore` (and `openId`
 * when present) before calling it; everything else about the record is the game's parser's to judge.
 */
export type ReplayFn = (run: unknown) => ReplayVerdict;
