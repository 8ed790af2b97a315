/**
 * Star Lanes, the sample's arcade game, as the leaderboard shell sees it (games/contract.ts): steer a
 * ship between lanes, dodge the rocks, catch the stars. Five levels; the rules are integer-only and
 * seeded, so the game server replays every run to the same score.
 */
import type { GameDefinition } from '../contract';
import { gameInfo } from './info';
import { levelConfig, TICKS_PER_SECOND } from './levels';
import { playLevel } from './play';
import { replayRun } from './replay';
import { drawShip } from './view';

export { gameInfo } from './info';

export const game: GameDefinition = {
  info: gameInfo,
  ticksPerSecond: TICKS_PER_SECOND,
  startLevel: playLevel,
  drawEmblem: (painter, x, y, size) => drawShip(painter, x, y, size / 2),
  levelBounds(level) {
    const config = levelConfig(level);
    return { ticks: config.lengthTicks, largestInput: config.lanes - 1 };
  },
  replay: replayRun,
};
