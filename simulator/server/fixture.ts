import type { Store } from './store';

/**
 * The seeded world every reset returns to. Scores are stored the way the game writes them:
 * `highScore` a decimal string, `highScoreMeta` JSON {"v":1,"level":n,"achievedAt":ms}.
 * A few friends hold hostile values on purpose, so the open data context's parsing is exercised.
 */

export const DEFAULT_USER = 'sim-ava';
/** The 40-character display name (longest the fixture has). */
export const LONG_NAME = 'Bartholomew Maximilian Featherstonehaugh';
const ACHIEVED_BASE = Date.UTC(2026, 0, 1);
/**
 * Levels a seeded best may name: the sample game has five, and a meta naming a level it does not have is
 * not a hostile value on purpose (those are the scores below), only wrong data.
 */
export const SEEDED_LEVELS = 5;
const CROWD_SIZE = 220;

interface SeedUser {
  openId: string;
  name: string;
  note: string;
  /** Omitted: the user never played (no cloud data). */
  highScore?: string;
  highScoreMeta?: string;
}

function meta(level: number, hoursAfterBase: number): string {
  if (level < 1 || level > SEEDED_LEVELS)
    throw new RangeError(`seeded level ${level} outside 1..${SEEDED_LEVELS}`);
  return JSON.stringify({ v: 1, level, achievedAt: ACHIEVED_BASE + hoursAfterBase * 3_600_000 });
}

export const fixtureUsers: readonly SeedUser[] = [
  {
    openId: DEFAULT_USER,
    name: 'Ava Chen',
    note: 'default player',
    highScore: '3000',
    highScoreMeta: meta(4, 1),
  },
  {
    openId: 'sim-leo',
    name: 'Léo 🎮 Martin',
    note: 'emoji name',
    highScore: '4200',
    highScoreMeta: meta(5, 2),
  },
  {
    openId: 'sim-mariam',
    name: 'مريم الحسن',
    note: 'right-to-left name',
    highScore: '3900',
    highScoreMeta: meta(5, 3),
  },
  {
    openId: 'sim-bart',
    name: LONG_NAME,
    note: '40-character name',
    highScore: '3100',
    highScoreMeta: meta(5, 4),
  },
  {
    openId: 'sim-kenji',
    name: 'Kenji 佐藤 🍣',
    note: 'CJK and emoji',
    highScore: '2500',
    highScoreMeta: meta(3, 5),
  },
  { openId: 'sim-zoe', name: 'Zoë 🌸', note: '', highScore: '1800', highScoreMeta: meta(3, 6) },
  { openId: 'sim-priya', name: 'Priya Raman', note: '', highScore: '900', highScoreMeta: meta(2, 7) },
  {
    openId: 'sim-omar',
    name: 'Omar 🔥 Crowd',
    note: `${CROWD_SIZE + 1} friends`,
    highScore: '5600',
    highScoreMeta: meta(5, 8),
  },
  {
    openId: 'sim-max',
    name: 'Max Malformed',
    note: 'hostile: malformed meta',
    highScore: '1500',
    highScoreMeta: '{"v":1,"level":',
  },
  {
    openId: 'sim-hex',
    name: 'Hex Letters',
    note: 'hostile: non-numeric score',
    highScore: 'abc',
    highScoreMeta: meta(2, 9),
  },
  {
    openId: 'sim-nora',
    name: 'Nora Negative',
    note: 'hostile: negative score',
    highScore: '-50',
    highScoreMeta: meta(1, 10),
  },
  {
    openId: 'sim-hugo',
    name: 'Hugo Huge',
    note: 'hostile: huge score',
    highScore: '99999999999999999999999',
    highScoreMeta: meta(5, 11),
  },
  { openId: 'sim-emma', name: 'Emma Empty', note: 'hostile: empty score', highScore: '', highScoreMeta: '' },
  { openId: 'sim-grace', name: 'Grace Newcomer', note: 'never played' },
  // Nobody's friend and never played: a clean slate for journeys that must not meet another test's scores.
  { openId: 'sim-ivy', name: 'Ivy Fresh', note: 'never played, no friends' },
  {
    openId: 'sim-noah',
    name: 'Noah Alone',
    note: 'no friends who play',
    highScore: '700',
    highScoreMeta: meta(2, 12),
  },
];

/** Mutual follows of the default player: everyone featured except Noah and Ivy. Noah's only friend never played. */
const friendPairs: ReadonlyArray<readonly [string, string]> = [
  ...fixtureUsers
    .filter((user) => ![DEFAULT_USER, 'sim-noah', 'sim-ivy'].includes(user.openId))
    .map((user) => [DEFAULT_USER, user.openId] as const),
  ['sim-noah', 'sim-grace'],
  ['sim-leo', 'sim-mariam'],
  ['sim-leo', 'sim-kenji'],
];

export function crowdOpenId(index: number): string {
  return `sim-fan-${String(index).padStart(3, '0')}`;
}

const crowdName = (index: number): string => `Fan ${String(index).padStart(3, '0')}`;
const crowdScore = (index: number): number => ((index * 7919) % 9000) + 100;

/** A seeded player's cloud best as stored: `highScore` exactly as written, hostile values included. */
export interface SeededBest {
  readonly openId: string;
  readonly displayName: string;
  readonly highScore: string;
  readonly achievedAt: number;
}

/**
 * Every seeded player's stored best, for `npm start` to give the game server the same world
 * (tools/devGameServer.ts): a player's global best and friends-board best then agree, as they do for a
 * real player whose runs all reached both. Which values are scores is the game's rule, not the fixture's.
 */
export function seededBests(): SeededBest[] {
  const named = fixtureUsers.flatMap((user) =>
    user.highScore === undefined
      ? []
      : [
          {
            openId: user.openId,
            displayName: user.name,
            highScore: user.highScore,
            achievedAt: ACHIEVED_BASE,
          },
        ],
  );
  const crowd = Array.from({ length: CROWD_SIZE }, (_, offset) => ({
    openId: crowdOpenId(offset + 1),
    displayName: crowdName(offset + 1),
    highScore: String(crowdScore(offset + 1)),
    achievedAt: ACHIEVED_BASE,
  }));
  return [...named, ...crowd];
}

/**
 * Every seeded player has played both a release build (zone `default`: the guide's `highScore`) and a
 * test build (zone `test`: `highScore_test`, the keys `npm start`'s build reads), with the same best, so
 * either build sees the same friends here.
 */
const ZONE_KEY_SUFFIXES = ['', '_test'] as const;

export function seedFixture(store: Store): void {
  store.transaction(() => {
    store.wipe();
    let userId = 1001;
    for (const user of fixtureUsers) {
      store.insertUser({
        open_id: user.openId,
        user_id: userId++,
        display_name: user.name,
        featured: 1,
        note: user.note,
      });
      const items = [];
      for (const zone of ZONE_KEY_SUFFIXES) {
        if (user.highScore !== undefined) items.push({ key: `highScore${zone}`, value: user.highScore });
        if (user.highScoreMeta !== undefined)
          items.push({ key: `highScoreMeta${zone}`, value: user.highScoreMeta });
      }
      if (items.length > 0) store.setCloud(user.openId, items);
    }
    for (const [a, b] of friendPairs) store.addFriendship(a, b);
    for (let index = 1; index <= CROWD_SIZE; index++) {
      const openId = crowdOpenId(index);
      store.insertUser({
        open_id: openId,
        user_id: 5000 + index,
        display_name: crowdName(index),
        featured: 0,
        note: 'crowd',
      });
      const score = crowdScore(index);
      store.setCloud(
        openId,
        ZONE_KEY_SUFFIXES.flatMap((zone) => [
          { key: `highScore${zone}`, value: String(score) },
          { key: `highScoreMeta${zone}`, value: meta(1 + (index % SEEDED_LEVELS), 20 + index) },
        ]),
      );
      store.addFriendship('sim-omar', openId);
    }
  });
}
