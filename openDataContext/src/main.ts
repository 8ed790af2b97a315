/**
 * openDataContext/index.js: the friend leaderboard, "beat your friend" notices and direct invites,
 * drawn on the shared canvas. Wiring only; see openDataContext/README.md.
 */

import { gameInfo } from '../../assets/scripts/games/registered';
import { GAME_ZONE } from '../../assets/scripts/platform/buildConfig';
import { createContextCalls } from '../../assets/scripts/platform/context';
import { scoreKeysFor } from '../../assets/scripts/social/zones';
import { OpenDataContext } from './openDataContext';

const platform = createContextCalls();
const context = new OpenDataContext(
  { ...platform, now: () => Date.now() },
  { keys: scoreKeysFor(GAME_ZONE), scoreLimit: gameInfo.scoreLimit },
);
context.listen();

// Read-only counters for debugging and the end-to-end tests (ignored messages, frames drawn).
(globalThis as { __openDataContextStats?: unknown }).__openDataContextStats = context.stats;
