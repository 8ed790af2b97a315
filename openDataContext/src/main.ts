/**
 * openDataContext/index.js: the friend leaderboard, "beat your friend" notices and direct invites,
 * drawn on the shared canvas. Wiring only; see openDataContext/README.md.
 */
import { createContextPlatform } from '../../assets/scripts/platform/context';
import { DEFAULT_ZONE, scoreKeysFor } from '../../assets/scripts/social/zones';
import { OpenDataContext } from './openDataContext';

const platform = createContextPlatform();
const context = new OpenDataContext({ ...platform, now: () => Date.now() }, scoreKeysFor(DEFAULT_ZONE));
context.listen();

// Read-only counters for debugging and the end-to-end tests (ignored messages, frames drawn).
(globalThis as { __openDataContextStats?: unknown }).__openDataContextStats = context.stats;
