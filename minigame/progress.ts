/** Which levels the player has unlocked on this device: level n+1 opens when level n is completed. */
import { LEVEL_COUNT } from '../assets/scripts/core/index';
import type { GamePlatform } from '../assets/scripts/platform/index';

const UNLOCKED_KEY = 'starLanes.unlockedLevel';

export interface Progress {
  readonly levelCount: number;
  unlockedLevel(): number;
  completeLevel(level: number): void;
}

export function createProgress(platform: Pick<GamePlatform, 'readStorage' | 'writeStorage'>): Progress {
  const read = (): number => {
    try {
      const stored = Number(platform.readStorage(UNLOCKED_KEY));
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
        platform.writeStorage(UNLOCKED_KEY, String(next));
      } catch {
        // Progress is a convenience; losing it only re-locks levels on this device.
      }
    },
  };
}
