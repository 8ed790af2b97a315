/** Star Tap's rules, replay and picture: what `index.ts` hands the shell. */
import type { LevelPlay } from '../contract';
import type { Painter, Point } from '../painter';
import type { RunInput, RunRecord } from '../runRecord';

export const TICKS_PER_SECOND = 60;
export const TICKS_PER_LEVEL = 10 * TICKS_PER_SECOND;
const POINTS_PER_STAR = 10;
const BOT_TAPS_EVERY = 5;

export function playStarTap(seed: number, level: number): LevelPlay {
  const inputs: RunInput[] = [];
  let tick = 0;
  let tapped = false;
  const score = (): number => inputs.length * POINTS_PER_STAR;
  return {
    level,
    get status() {
      return tick >= TICKS_PER_LEVEL ? 'completed' : 'playing';
    },
    get score() {
      return score();
    },
    get tick() {
      return tick;
    },
    advance() {
      if (tick >= TICKS_PER_LEVEL) return;
      if (tapped) inputs.push([tick, 1]);
      tapped = false;
      tick += 1;
    },
    botTurn() {
      if (tick % BOT_TAPS_EVERY === 0) tapped = true;
    },
    pointer(phase) {
      if (phase === 'down') tapped = true;
    },
    draw(painter, area) {
      painter.fillRect(0, 0, area.width, area.height, '#17162b');
      const secondsLeft = Math.ceil((TICKS_PER_LEVEL - tick) / TICKS_PER_SECOND);
      painter.text(`${secondsLeft}s`, area.width / 2, 80, { size: 18, color: '#a9a6c8', align: 'center' });
      drawStar(painter, area.width / 2, area.height / 2 - 90, 36);
      painter.text(String(score()), area.width / 2, area.height / 2, {
        size: 64,
        color: '#ffffff',
        bold: true,
        align: 'center',
      });
      painter.text('Tap to catch stars!', area.width / 2, area.height / 2 + 60, {
        size: 18,
        color: '#ffffff',
        align: 'center',
      });
    },
    runRecord: (): RunRecord => ({ v: 1, seed, level, inputs: [...inputs], claimedScore: score() }),
    summary: () => `${inputs.length} ${inputs.length === 1 ? 'star' : 'stars'} caught`,
  };
}

/** Every input is one tap, and a level always lasts its ten seconds. */
export function replayStarTap(run: RunRecord): { score: number; completed: boolean } {
  return { score: run.inputs.length * POINTS_PER_STAR, completed: true };
}

export function drawStar(painter: Painter, x: number, y: number, radius: number): void {
  const points: Point[] = Array.from({ length: 10 }, (_, index) => {
    const r = index % 2 === 0 ? radius : radius * 0.45;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return { x: x + Math.cos(angle) * r, y: y + Math.sin(angle) * r };
  });
  painter.fillPolygon(points, '#ffd166');
}
