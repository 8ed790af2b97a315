import type { GameDefinition } from '../../assets/scripts/games/contract';
import { game } from '../../assets/scripts/games/registered';
import { MAX_SEED, maxRunInputs } from '../../assets/scripts/games/runRecord';

/**
 * The largest body a valid `POST /v1/runs` can have, from the game's own bounds: every input at the
 * widest tick and value a level allows, the widest seed and claim, a 128-character open_id, and room for
 * JSON whitespace a client might add. About 20 KB for Star Lanes, not the 512 KB that let one player
 * make the server parse nested junk.
 */
export function largestRunBody(rules: Pick<GameDefinition, 'info' | 'levelBounds'>): number {
  let widestInput = 0;
  for (let level = 1; level <= rules.info.levelCount; level += 1) {
    const { ticks, largestInput } = rules.levelBounds(level);
    widestInput = Math.max(widestInput, `[${ticks - 1},${largestInput}],`.length);
  }
  const envelope = JSON.stringify({
    run: {
      v: 1,
      seed: MAX_SEED,
      level: rules.info.levelCount,
      inputs: [],
      claimedScore: rules.info.scoreLimit,
      openId: 'x'.repeat(128),
    },
  }).length;
  const bytes = envelope + maxRunInputs(rules) * widestInput;
  // Slack for pretty-printed JSON (a space after each comma) rather than an exact fit.
  return Math.ceil((bytes * 1.25) / 1024) * 1024;
}

export const MAX_RUN_BODY_BYTES = largestRunBody(game);
