/**
 * What the open data context and the server's limits need of Star Lanes, apart from its rules, so that
 * a bundle which needs only this carries none of them.
 */
import type { GameInfo } from '../contract';

export const gameInfo: GameInfo = {
  storagePrefix: 'starLanes',
  words: {
    name: 'Star Lanes',
    title: 'STAR LANES',
    tagline: 'Dodge the rocks. Catch the stars.',
    inviteLine: 'Dodge rocks, catch stars in Star Lanes.',
  },
  // levels.ts holds the five levels; a unit test keeps the two in step.
  levelCount: 5,
  // Far above any reachable score (about 4,000 on level 5), to refuse absurd claims before a replay.
  scoreLimit: 1_000_000,
};
