/**
 * Which levels the player has unlocked on this device: level n+1 opens when level n is completed. Both
 * editions use it, so they agree on a device.
 */
import type { GameInfo } from '../games/contract';
import type { GamePlatform } from '../platform/index';
import { storageKeys } from './config';

export interface LevelProgress {
  readonly levelCount: number;
  unlockedLevel(): number;
  completeLevel(level: number): void;
}

export function createLevelProgress(
  storage: Pick<GamePlatform, 'readStorage' | 'writeStorage'>,
  game: Pick<GameInfo, 'levelCount' | 'storagePrefix'>,
): LevelProgress {
  const key = storageKeys(game.storagePrefix).unlockedLevel;
  const { levelCount } = game;
  const read = (): number => {
    try {
      const stored = Number(storage.readStorage(key));
      return Number.isInteger(stored) && stored >= 1 && stored <= levelCount ? stored : 1;
    } catch {
      return 1;
    }
  };
  let unlocked = read();
  return {
    levelCount,
    unlockedLevel: () => unlocked,
    completeLevel(level) {
      const next = Math.min(levelCount, level + 1);
      if (next <= unlocked) return;
      unlocked = next;
      try {
        storage.writeStorage(key, String(next));
      } catch {
        // Progress is a convenience; losing it only re-locks levels on this device.
      }
    },
  };
}
