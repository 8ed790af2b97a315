import { afterEach, beforeEach, expect, it } from 'vitest';
import { gameInfo as starLanes } from '../../../assets/scripts/games/starLanes/info';
import { SEEDED_LEVELS } from '../../../simulator/server/fixture';
import { makeWorld, type World } from './world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

// The seeded friends played Star Lanes, the sample's game: their metas name its levels.
const LEVEL_COUNT = starLanes.levelCount;

it('seeds only levels the game has, in every meta that is well-formed on purpose', () => {
  expect(SEEDED_LEVELS).toBe(LEVEL_COUNT);
  const levels = new Map<string, number>();
  for (const user of world.store.users(true)) {
    for (const item of world.store.cloud(user.open_id)) {
      if (!item.key.startsWith('highScoreMeta') || item.value === '') continue;
      let meta: { level?: unknown };
      try {
        meta = JSON.parse(item.value) as { level?: unknown };
      } catch {
        continue; // Max Malformed's meta, hostile on purpose
      }
      levels.set(`${user.open_id} ${item.key}`, meta.level as number);
    }
  }
  expect(levels.size).toBeGreaterThan(400);
  const outside = [...levels].filter(
    ([, level]) => !(Number.isInteger(level) && level >= 1 && level <= LEVEL_COUNT),
  );
  expect(outside).toEqual([]);
  expect(levels.get('sim-omar highScoreMeta')).toBe(LEVEL_COUNT);
});
