import { parseRunRecord, replayRun } from '../assets/scripts/core/index';
import type { ReplayFn } from './replay';

/** The real check: the game's own parser and deterministic simulation, exactly as the client ran them. */
export const coreReplay: ReplayFn = (run) => {
  const parsed = parseRunRecord(run);
  if (!parsed.ok) return parsed;
  return { ok: true, score: replayRun(parsed.run).score };
};
