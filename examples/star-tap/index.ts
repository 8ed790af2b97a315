/**
 * Star Tap, the quickstart's worked example of a game behind the game contract (../contract.ts):
 * ten seconds, and each tap catches a star worth 10 points. This folder goes to
 * assets/scripts/games/starTap/, and games/registered.ts names it (docs/quickstart.md).
 */
import type { GameDefinition, GameInfo } from '../contract';
import { drawStar, playStarTap, replayStarTap, TICKS_PER_LEVEL, TICKS_PER_SECOND } from './play';

export const gameInfo: GameInfo = {
  storagePrefix: 'starTap',
  words: {
    name: 'Star Tap',
    title: 'STAR TAP',
    tagline: 'Ten seconds. Tap for stars.',
    inviteLine: 'Tap faster than me in Star Tap.',
  },
  levelCount: 1,
  // One tap a tick at most: 600 taps of 10 points.
  scoreLimit: 6_000,
};

export const game: GameDefinition = {
  info: gameInfo,
  ticksPerSecond: TICKS_PER_SECOND,
  startLevel: playStarTap,
  drawEmblem: (painter, x, y, size) => drawStar(painter, x, y, size / 2),
  // Each tap is a [tick, 1] input.
  levelBounds: () => ({ ticks: TICKS_PER_LEVEL, largestInput: 1 }),
  replay: replayStarTap,
};
