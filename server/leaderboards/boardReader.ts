import type { BoardId, RankedEntry, ScoreStorage } from '../storage/types';
import { type BoardPosition, encodeCursor } from './cursor';

/** One row of a board as the API returns it. */
export interface BoardEntry {
  rank: number;
  openId: string;
  displayName: string | null;
  avatarUrl: string | null;
  score: number;
  achievedAt: number;
}

export interface BoardPage {
  entries: BoardEntry[];
  nextCursor: string | null;
}

function toBoardEntry(entry: RankedEntry): BoardEntry {
  const { rank, openId, displayName, avatarUrl, score, achievedAt } = entry;
  return { rank, openId, displayName, avatarUrl, score, achievedAt };
}

function pageOf(entries: RankedEntry[], limit: number): BoardPage {
  // One extra entry was read to know whether a next page exists without a second query.
  const shown = entries.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    entries: shown.map(toBoardEntry),
    nextCursor:
      entries.length > limit && last ? encodeCursor({ sortKey: last.sortKey, openId: last.openId }) : null,
  };
}

export async function readTop(
  storage: ScoreStorage,
  board: BoardId,
  limit: number,
  after: BoardPosition | null,
): Promise<BoardPage> {
  return pageOf(await storage.readAfter(board, after, limit + 1), limit);
}

/**
 * A window of `limit` entries with the player in it (a little more room below than above), preceded by
 * rank 1 when the window does not already start there. A player who is not on the board gets the top.
 * One storage read (one round trip on Redis), so the rank and the window come from the same moment.
 */
export async function readAroundPlayer(
  storage: ScoreStorage,
  board: BoardId,
  openId: string,
  limit: number,
): Promise<BoardPage> {
  const around = await storage.readAround(board, openId, Math.floor((limit - 1) / 2), limit + 1);
  if (!around) return readTop(storage, board, limit, null);
  const window = pageOf(around.window, limit);
  if (!around.leader) return window;
  return { entries: [toBoardEntry(around.leader), ...window.entries], nextCursor: window.nextCursor };
}
