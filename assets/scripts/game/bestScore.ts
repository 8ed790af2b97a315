/**
 * Keeps the player's best score in cloud storage (`highScore` + `highScoreMeta`), which the open data
 * context reads for the friend board.
 *
 * The game domain cannot read cloud storage back, so the saver remembers locally the best it saved
 * (`savedBest`) and the best still waiting to be saved (`pendingBest`). A new best is written to local
 * storage first, then to the cloud; a failed write retries with exponential backoff, and because the
 * pending best is in local storage, a restart picks the retry up where it stopped.
 *
 * On a new device local storage is empty while the cloud may hold a better score. The game server's
 * verified best (every level end is submitted there) is noted with `noteServerBest`, so a lower score
 * never overwrites a better one saved elsewhere.
 */

import type { GamePlatform } from '../platform/index';
import { type BestScore, encodeBestScore } from '../social/cloudScore';
import { STORAGE_KEYS } from './config';

export type SaverPlatform = Pick<
  GamePlatform,
  'setUserCloudStorage' | 'readStorage' | 'writeStorage' | 'removeStorage'
>;

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LevelEndOutcome {
  /** True only when the score beats every best this device knows of (saved or pending). */
  readonly newBest: boolean;
  readonly previousBest: number | null;
}

export interface SavedBest {
  readonly best: BestScore;
  readonly previousBest: number | null;
}

export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000] as const;

interface StoredBest extends BestScore {
  /** The saved best this pending one replaces, so `scoreSaved` can name it once the write lands. */
  previousBest?: number | null;
}

/** Reads a best from local storage; anything malformed counts as absent. */
export function parseStoredBest(text: string | null): StoredBest | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { score, level, achievedAt, previousBest } = value as Record<string, unknown>;
  const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!isCount(score) || !isCount(level) || level < 1 || !isCount(achievedAt)) return null;
  return { score, level, achievedAt, previousBest: isCount(previousBest) ? previousBest : null };
}

export function createBestScoreSaver(
  platform: SaverPlatform,
  scheduler: Scheduler,
  onSaved: (saved: SavedBest) => void = () => {},
) {
  let retryTimer: unknown = null;
  let attempt = 0;
  let writing = false;

  const read = (key: string): StoredBest | null => {
    try {
      return parseStoredBest(platform.readStorage(key));
    } catch {
      return null;
    }
  };
  const write = (key: string, best: StoredBest | null): void => {
    try {
      if (best) platform.writeStorage(key, JSON.stringify(best));
      else platform.removeStorage(key);
    } catch {
      // Local storage full or unavailable: the in-flight write still runs, only a restart could lose it.
    }
  };

  function readServerBest(): number | null {
    try {
      const text = platform.readStorage(STORAGE_KEYS.serverBest);
      return text !== null && /^(0|[1-9][0-9]{0,9})$/.test(text) ? Number(text) : null;
    } catch {
      return null;
    }
  }

  function knownBest(): number | null {
    const scores = [read(STORAGE_KEYS.savedBest), read(STORAGE_KEYS.pendingBest)]
      .filter((best): best is StoredBest => best !== null)
      .map((best) => best.score);
    const serverBest = readServerBest();
    if (serverBest !== null) scores.push(serverBest);
    return scores.length === 0 ? null : Math.max(...scores);
  }

  function scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 8_000;
    attempt += 1;
    retryTimer = scheduler.setTimeout(() => {
      retryTimer = null;
      void flush();
    }, delay);
  }

  /** Tries to write the pending best now. Resolves true once nothing is pending. */
  async function flush(): Promise<boolean> {
    const pending = read(STORAGE_KEYS.pendingBest);
    if (!pending) return true;
    if (writing) return false;
    if (retryTimer !== null) {
      scheduler.clearTimeout(retryTimer);
      retryTimer = null;
    }
    writing = true;
    try {
      await platform.setUserCloudStorage(encodeBestScore(pending));
    } catch {
      writing = false;
      scheduleRetry();
      return false;
    }
    writing = false;
    attempt = 0;
    const { previousBest = null, ...best } = pending;
    write(STORAGE_KEYS.savedBest, best);
    // A better score may have ended while this write was in flight; it stays pending and goes next.
    const stillPending = read(STORAGE_KEYS.pendingBest);
    if (stillPending && stillPending.score <= pending.score) write(STORAGE_KEYS.pendingBest, null);
    onSaved({ best, previousBest });
    if (stillPending && stillPending.score > pending.score) return flush();
    return true;
  }

  return {
    /** The best this device knows of, saved or still pending; null before the first level end. */
    knownBest,

    /** True while a best waits for its cloud write. */
    hasPending: (): boolean => read(STORAGE_KEYS.pendingBest) !== null,

    /**
     * Call at every level end. A score that beats the known best is kept locally at once and written to
     * the cloud in the background.
     */
    recordLevelEnd(score: BestScore): LevelEndOutcome {
      const previousBest = knownBest();
      if (previousBest !== null && score.score <= previousBest) return { newBest: false, previousBest };
      const saved = read(STORAGE_KEYS.savedBest);
      write(STORAGE_KEYS.pendingBest, { ...score, previousBest: saved?.score ?? null });
      attempt = 0;
      void flush();
      return { newBest: true, previousBest };
    },

    /** Records the player's best as the game server knows it (it never triggers a cloud write). */
    noteServerBest(score: number): void {
      if (!Number.isSafeInteger(score) || score < 0) return;
      const current = readServerBest();
      if (current !== null && current >= score) return;
      try {
        platform.writeStorage(STORAGE_KEYS.serverBest, String(score));
      } catch {
        // Without local storage the note lasts as long as nothing else needs it: a best still saves.
      }
    },

    /** At launch and when the game returns to the foreground: resume a write left over. */
    resume: flush,

    dispose(): void {
      if (retryTimer !== null) scheduler.clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}

export type BestScoreSaver = ReturnType<typeof createBestScoreSaver>;
