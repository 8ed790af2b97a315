import { isValidSortKey, OPEN_ID_PATTERN } from './order';

/**
 * A page cursor names the last entry the client saw by its position (sort key and open_id), not by an
 * offset, so a page never repeats or skips a player because someone above moved.
 */
export interface BoardPosition {
  sortKey: number;
  openId: string;
}

export function encodeCursor(position: BoardPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.openId]), 'utf8').toString('base64url');
}

/** Cursors come back from clients, so they are parsed as hostile input; null when malformed. */
export function decodeCursor(cursor: string): BoardPosition | null {
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [sortKey, openId] = value as unknown[];
  if (typeof sortKey !== 'number' || !isValidSortKey(sortKey)) return null;
  if (typeof openId !== 'string' || !OPEN_ID_PATTERN.test(openId)) return null;
  return { sortKey, openId };
}
