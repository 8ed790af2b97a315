/**
 * Which levels the player has unlocked on this device: level n+1 opens when level n is completed. Both
 * editions use it, so they agree on a device.
 */
import { LEVEL_COUNT } from '../core/index';
import type { GamePlatform } from '../platform/index';

export const UNLOCKED_LEVEL_KEY = 'starLanes.unlockedLevel';

export interface LevelProgress {
  readonly levelCount: number;
  unlockedLevel(): number;
  completeLevel(level: number): void;
}

export function createLevelProgress(
  storage: Pick<GamePlatform, 'readStorage' | 'writeStorage'>,
): LevelProgress {
  const read = (): number => {
    try {
      const stored = Number(storage.readStorage(UNLOCKED_LEVEL_KEY));
      return Number.isInteger(stored) && stored >= 1 && stored <= LEVEL_COUNT ? stored : 1;
    } catch {
      return 1;
    }
  };
  let unlocked = read();
  return {
    levelCount: LEVEL_COUNT,
    unlockedLevel: () => unlocked,
    completeLevel(level) {
      const next = Math.min(LEVEL_COUNT, level + 1);
      if (next <= unlocked) return;
      unlocked = next;
      try {
        storage.writeStorage(UNLOCKED_LEVEL_KEY, String(next));
      } catch {
        // Progress is a convenience; losing it only re-locks levels on this device.
      }
    },
  };
}
