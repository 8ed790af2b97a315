/**
 * What the game server answers, checked before the game uses any of it: a malformed answer is treated
 * as no answer (`unexpected`), never half-read.
 */
import { MAX_SEED } from '../games/runRecord';

export interface ServerSession {
  readonly token: string;
  readonly openId: string;
  readonly expiresAt: number;
}

export interface GlobalBoardEntry {
  readonly rank: number;
  readonly openId: string;
  readonly displayName: string;
  readonly score: number;
}

export interface RunVerdict {
  readonly best: number;
  readonly rank: number | null;
  readonly newBest: boolean;
}

/** Run seeds the server issued to the player (`POST /v1/seeds`), valid for `expiresInMs` from now. */
export interface IssuedSeeds {
  readonly seeds: readonly number[];
  readonly expiresInMs: number;
}

export interface ServerEvent {
  readonly name: string;
  readonly entryPoint?: string;
  readonly at: number;
}

export interface Profile {
  readonly displayName: string;
}

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function parseSession(body: unknown): ServerSession | null {
  if (!isRecord(body) || !isText(body.token, 4096) || !isText(body.openId, 256)) return null;
  if (!isCount(body.expiresAt)) return null;
  return { token: body.token, openId: body.openId, expiresAt: body.expiresAt };
}

export function parseGlobalBoard(body: unknown): GlobalBoardEntry[] | null {
  if (!isRecord(body) || !Array.isArray(body.entries)) return null;
  const entries: GlobalBoardEntry[] = [];
  for (const entry of body.entries.slice(0, 100)) {
    if (!isRecord(entry) || !isCount(entry.rank) || !isText(entry.openId, 256) || !isCount(entry.score))
      continue;
    const displayName = typeof entry.displayName === 'string' ? entry.displayName : '';
    entries.push({ rank: entry.rank, openId: entry.openId, displayName, score: entry.score });
  }
  return entries;
}

export function parseRunVerdict(body: unknown): RunVerdict | null {
  if (!isRecord(body) || !isCount(body.best) || typeof body.newBest !== 'boolean') return null;
  return { best: body.best, rank: isCount(body.rank) ? body.rank : null, newBest: body.newBest };
}

export function parseIssuedSeeds(body: unknown): IssuedSeeds | null {
  if (!isRecord(body) || !Array.isArray(body.seeds) || body.seeds.length > 100) return null;
  if (!isCount(body.expiresInMs) || body.expiresInMs === 0) return null;
  const seeds = body.seeds.filter((seed): seed is number => isCount(seed) && seed <= MAX_SEED);
  if (seeds.length !== body.seeds.length) return null;
  return { seeds, expiresInMs: body.expiresInMs };
}

export function parseProfile(body: unknown): Profile | null {
  return isRecord(body) && typeof body.displayName === 'string' ? { displayName: body.displayName } : null;
}

/** The error code of a refusal (`{"error": "seed_used"}`), to say why in the reason. */
export function errorCode(body: unknown): string {
  return isRecord(body) && typeof body.error === 'string' ? ` ${body.error.slice(0, 64)}` : '';
}
