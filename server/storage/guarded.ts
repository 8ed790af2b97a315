import type { ScoreStorage } from './types';

/** The store failed (disk, lock, connection): the request may succeed later, so the API says 503. */
export class StorageUnavailableError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`storage ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * Wraps every storage call so a failure of the store itself becomes StorageUnavailableError. A
 * RangeError is the caller's mistake (a score or time out of range) and passes through unchanged.
 */
export function guardStorage(storage: ScoreStorage): ScoreStorage {
  const guard =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof RangeError) throw error;
        throw new StorageUnavailableError(operation, error);
      }
    };
  return {
    kind: storage.kind,
    ping: guard('ping', () => storage.ping()),
    submitScore: guard('submitScore', (boards, entry) => storage.submitScore(boards, entry)),
    removeExpiredBoards: guard('removeExpiredBoards', (now) => storage.removeExpiredBoards(now)),
    readAfter: guard('readAfter', (board, after, limit) => storage.readAfter(board, after, limit)),
    readRanks: guard('readRanks', (board, first, count) => storage.readRanks(board, first, count)),
    readAround: guard('readAround', (board, openId, above, count) =>
      storage.readAround(board, openId, above, count),
    ),
    rankOf: guard('rankOf', (board, openId) => storage.rankOf(board, openId)),
    saveProfile: guard('saveProfile', (openId, profile, at, boards) =>
      storage.saveProfile(openId, profile, at, boards),
    ),
    recordEvents: guard('recordEvents', (openId, events, at) => storage.recordEvents(openId, events, at)),
    recentEvents: guard('recentEvents', (limit) => storage.recentEvents(limit)),
    close: () => storage.close(),
  };
}
