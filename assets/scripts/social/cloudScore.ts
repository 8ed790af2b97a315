/**
 * How a player's best score is written to its two cloud storage keys (one zone's, see zones.ts) and read
 * back.
 *
 * Friends' values were written by other clients (old versions, modified clients, other tools), so every
 * read treats them as hostile: anything that is not a plain score within the game's score limit means
 * "no score" (a larger value is a forged or corrupted one).
 */
import { isGameScore, scoreProblem } from '../games/scoreLimit';
import type { ScoreKeys } from './zones';

const MAX_LEVEL = 1_000;
const META_VERSION = 1;

/** How one build reads and writes a best: its zone's keys (zones.ts) and the game's score limit. */
export interface CloudRules {
  readonly keys: ScoreKeys;
  readonly scoreLimit: number;
}

export interface CloudKeyValue {
  key: string;
  value: string;
}

export interface CloudScore {
  score: number;
  /** null when the metadata is missing or unreadable; the score still counts. */
  level: number | null;
  achievedAt: number | null;
}

export interface BestScore {
  score: number;
  level: number;
  achievedAt: number;
}

/** The key/value pairs `setUserCloudStorage` receives for a new best. */
export function encodeBestScore(best: BestScore, keys: ScoreKeys, scoreLimit: number): CloudKeyValue[] {
  const problem = scoreProblem(best.score, scoreLimit);
  if (problem !== null) throw new RangeError(problem);
  const meta = { v: META_VERSION, level: best.level, achievedAt: best.achievedAt };
  return [
    { key: keys.score, value: String(best.score) },
    { key: keys.meta, value: JSON.stringify(meta) },
  ];
}

/** Reads a score from a `data[]` array as the platform returns it; other zones' keys are ignored. Never throws. */
export function parseCloudScore(data: unknown, keys: ScoreKeys, scoreLimit: number): CloudScore | null {
  if (!Array.isArray(data)) return null;
  const score = parseScoreValue(findValue(data, keys.score), scoreLimit);
  if (score === null) return null;
  const meta = parseMeta(findValue(data, keys.meta));
  return { score, level: meta?.level ?? null, achievedAt: meta?.achievedAt ?? null };
}

/** A decimal string with no sign, spaces, exponent or leading zeros, within the game's score limit. */
export function parseScoreValue(value: unknown, scoreLimit: number): number | null {
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(value)) return null;
  const score = Number(value);
  return isGameScore(score, scoreLimit) ? score : null;
}

function findValue(data: unknown[], key: string): unknown {
  // The first entry wins so that a duplicated key cannot override what the platform listed first.
  for (const entry of data) {
    if (typeof entry === 'object' && entry !== null && (entry as { key?: unknown }).key === key) {
      return (entry as { value?: unknown }).value;
    }
  }
  return undefined;
}

function parseMeta(value: unknown): { level: number; achievedAt: number } | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, level, achievedAt } = parsed as Record<string, unknown>;
  if (v !== META_VERSION) return null;
  if (!Number.isSafeInteger(level) || (level as number) < 1 || (level as number) > MAX_LEVEL) return null;
  if (!Number.isSafeInteger(achievedAt) || (achievedAt as number) <= 0) return null;
  return { level: level as number, achievedAt: achievedAt as number };
}
