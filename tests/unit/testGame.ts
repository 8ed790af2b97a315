/**
 * Tally, a tiny game behind the game contract for the tests of the shell and the server, so that they
 * hold for any registered game. Three levels of 100, 200 and 300 ticks; each input adds ten times its
 * value (at most level + 1). A tap in the play area's left half inputs 1, in the right half 2; the bot
 * inputs 2 every tenth tick.
 */
import type { GameDefinition, LevelPlay } from '../../assets/scripts/games/contract';
import type { RunInput, RunRecord } from '../../assets/scripts/games/runRecord';

const POINTS_PER_VALUE = 10;

export const testGame: GameDefinition = {
  info: {
    storagePrefix: 'tally',
    words: {
      name: 'Tally',
      title: 'TALLY',
      tagline: 'Tap to count.',
      inviteLine: 'Count higher than me in Tally.',
    },
    levelCount: 3,
    scoreLimit: 50_000,
  },
  ticksPerSecond: 60,
  startLevel: playTally,
  drawEmblem(painter, x, y, size) {
    painter.fillCircle(x, y, size / 2, '#ffd166');
  },
  levelBounds: (level) => ({ ticks: 100 * level, largestInput: level + 1 }),
  replay(run) {
    const total = run.inputs.reduce((sum, [, value]) => sum + value, 0);
    return { score: total * POINTS_PER_VALUE, completed: true };
  },
};

export function playTally(seed: number, level: number): LevelPlay {
  const { ticks } = testGame.levelBounds(level);
  const inputs: RunInput[] = [];
  let tick = 0;
  let score = 0;
  let next: number | null = null;
  return {
    level,
    get status() {
      return tick >= ticks ? 'completed' : 'playing';
    },
    get score() {
      return score;
    },
    get tick() {
      return tick;
    },
    advance() {
      if (tick >= ticks) return;
      if (next !== null) {
        inputs.push([tick, next]);
        score += next * POINTS_PER_VALUE;
        next = null;
      }
      tick += 1;
    },
    botTurn() {
      if (tick % 10 === 0) next = 2;
    },
    pointer(phase, x, _y, area) {
      if (phase === 'down') next = x < area.width / 2 ? 1 : 2;
    },
    draw(painter, area) {
      painter.text(String(score), area.width / 2, area.height / 2, {
        size: 40,
        color: '#ffffff',
        align: 'center',
      });
    },
    runRecord: (): RunRecord => ({ v: 1, seed, level, inputs: [...inputs], claimedScore: score }),
    summary: () => `${inputs.length} taps`,
  };
}

/** Plays a level of `game` to its end with its own bot: a genuine run record, as the client sends it. */
export function botRun(game: GameDefinition, seed: number, level: number): RunRecord {
  const play = game.startLevel(seed, level);
  while (play.status === 'playing') {
    play.botTurn();
    play.advance();
  }
  return play.runRecord();
}

/** A valid Tally run of level 1 whose score depends on the seed, for tests that need distinct runs. */
export function tallyRun(seed: number): RunRecord {
  const inputs: RunInput[] = Array.from({ length: 5 + (seed % 7) }, (_, tick) => [tick, (seed + tick) % 3]);
  const claimedScore = inputs.reduce((sum, [, value]) => sum + value, 0) * POINTS_PER_VALUE;
  return { v: 1, seed, level: 1, inputs, claimedScore };
}
