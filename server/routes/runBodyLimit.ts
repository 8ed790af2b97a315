import { LEVELS, MAX_CLAIMED_SCORE, MAX_RUN_INPUTS, MAX_SEED } from '../../assets/scripts/core/index';

/**
 * The largest body a valid `POST /v1/runs` can have, from the core's own limits: every input at the
 * widest tick and lane the longest level allows, the widest seed and claim, a 128-character open_id,
 * and room for JSON whitespace a client might add. About 20 KB, not the 512 KB that let one player
 * make the server parse nested junk.
 */
function largestRunBody(): number {
  const widestTick = Math.max(...LEVELS.map((level) => level.lengthTicks)) - 1;
  const widestLane = Math.max(...LEVELS.map((level) => level.lanes)) - 1;
  const input = `[${widestTick},${widestLane}],`.length;
  const envelope = JSON.stringify({
    run: {
      v: 1,
      seed: MAX_SEED,
      level: LEVELS.length,
      inputs: [],
      claimedScore: MAX_CLAIMED_SCORE,
      openId: 'x'.repeat(128),
    },
  }).length;
  const bytes = envelope + MAX_RUN_INPUTS * input;
  // Slack for pretty-printed JSON (a space after each comma) rather than an exact fit.
  return Math.ceil((bytes * 1.25) / 1024) * 1024;
}

export const MAX_RUN_BODY_BYTES = largestRunBody();
