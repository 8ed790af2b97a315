/**
 * How Star Lanes looks: the field (lanes, falling rocks and stars, the ship, floating points) and its
 * heads-up display, drawn through the Painter so both editions show the same picture. It reads the
 * simulation's state, never writes it.
 */
import type { AreaSize } from '../contract';
import { type Painter, type Point, withAlpha } from '../painter';
import { FIELD_HEIGHT, LANE_WIDTH, TICKS_PER_SECOND } from './levels';
import { type GameEvent, type GameState, PLAYER_Y, ticksLeft } from './simulation';

export const COLORS = {
  night: '#17162b',
  lane: '#17162d',
  laneAlt: '#1b1a35',
  laneLine: '#ffffff14',
  text: '#ffffff',
  muted: '#a9a6c8',
  gold: '#ffd166',
  cyan: '#25f4ee',
  accent: '#fe2c55',
  quiet: '#3b3960',
  rock: '#8d8aa8',
  rockDark: '#5d5a78',
  failure: '#ff6b6b',
} as const;

const HUD_HEIGHT = 64;
const MARGIN = 12;
/** Floating points rise and fade over this many ticks. */
const FLOAT_TICKS = 45;

export interface FieldBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function fieldBox(area: AreaSize): FieldBox {
  return {
    x: MARGIN,
    y: HUD_HEIGHT + 8,
    width: area.width - MARGIN * 2,
    height: area.height - HUD_HEIGHT - 20,
  };
}

/** The lane under a point of the play area, clamped to the level's lanes. */
export function laneAt(game: GameState, area: AreaSize, x: number): number {
  const field = fieldBox(area);
  const lane = Math.floor(((x - field.x) / field.width) * game.level.lanes);
  return Math.min(game.level.lanes - 1, Math.max(0, lane));
}

interface FloatingText {
  text: string;
  lane: number;
  color: string;
  bornTick: number;
}

/** What the view remembers between frames: the points and "Ouch!"s still floating up. */
export class FieldView {
  private floating: FloatingText[] = [];

  /** Called after every simulated tick with that tick's events. */
  noteEvents(game: GameState, events: readonly GameEvent[]): void {
    for (const event of events) {
      if (event.type === 'starCollected') {
        this.floating.push({
          text: `+${event.points}`,
          lane: event.lane,
          color: COLORS.gold,
          bornTick: game.tick,
        });
      } else if (event.type === 'rockHit') {
        this.floating.push({ text: 'Ouch!', lane: event.lane, color: COLORS.failure, bornTick: game.tick });
      }
    }
    while (this.floating.length > 0 && game.tick - (this.floating[0]?.bornTick ?? 0) > FLOAT_TICKS) {
      this.floating.shift();
    }
  }

  draw(painter: Painter, game: GameState, area: AreaSize): void {
    const field = fieldBox(area);
    const lanes = game.level.lanes;
    const laneWidth = field.width / lanes;
    const toX = (fieldX: number): number => field.x + (fieldX / (lanes * LANE_WIDTH)) * field.width;
    const toY = (fieldY: number): number => field.y + (fieldY / FIELD_HEIGHT) * field.height;
    const radius = Math.min(laneWidth * 0.3, 24);

    painter.fillRect(0, 0, area.width, area.height, COLORS.night);
    for (let lane = 0; lane < lanes; lane += 1) {
      const color = lane % 2 === 0 ? COLORS.lane : COLORS.laneAlt;
      painter.fillRect(field.x + lane * laneWidth, field.y, laneWidth, field.height, color);
    }
    for (let lane = 1; lane < lanes; lane += 1) {
      const x = field.x + lane * laneWidth;
      painter.strokeLine({ x, y: field.y }, { x, y: field.y + field.height }, COLORS.laneLine, 1);
    }
    for (const object of game.objects) {
      const x = field.x + (object.lane + 0.5) * laneWidth;
      if (object.kind === 'star') drawStar(painter, x, toY(object.y), radius);
      else drawRock(painter, x, toY(object.y), radius, object.row);
    }
    // Rows fall in from above the field and out below it: the bands around it cover them, no clipping.
    painter.fillRect(0, 0, area.width, field.y, COLORS.night);
    painter.fillRect(
      0,
      field.y + field.height,
      area.width,
      area.height - field.y - field.height,
      COLORS.night,
    );

    const blinking = game.tick < game.invulnerableUntil && Math.floor(game.tick / 6) % 2 === 0;
    drawShip(painter, toX(game.playerX), toY(PLAYER_Y), radius, blinking ? 0.35 : 1);
    for (const text of this.floating) {
      const age = game.tick - text.bornTick;
      const x = field.x + (text.lane + 0.5) * laneWidth;
      painter.text(text.text, x, toY(PLAYER_Y) - 30 - age, {
        size: 16,
        bold: true,
        align: 'center',
        color: withAlpha(text.color, Math.max(0, 1 - age / FLOAT_TICKS)),
      });
    }
    drawHud(painter, game, area, field);
  }
}

function drawHud(painter: Painter, game: GameState, area: AreaSize, field: FieldBox): void {
  painter.text(`Level ${game.level.number}`, 16, 24, { size: 14, bold: true, color: COLORS.muted });
  painter.text(String(game.score), 16, 46, { size: 22, bold: true, color: COLORS.text });
  for (let life = 0; life < 3; life += 1) {
    const color = life < game.lives ? COLORS.accent : COLORS.quiet;
    painter.fillPolygon(heart(area.width / 2 - 24 + life * 24, 30, 8), color);
  }
  const secondsLeft = Math.ceil(ticksLeft(game) / TICKS_PER_SECOND);
  painter.text(`${secondsLeft}s`, area.width - 68, 32, {
    size: 15,
    bold: true,
    align: 'right',
    color: COLORS.muted,
  });
  const progress = game.tick / game.level.lengthTicks;
  painter.fillRect(field.x, HUD_HEIGHT - 2, field.width, 4, COLORS.quiet);
  painter.fillRect(field.x, HUD_HEIGHT - 2, field.width * progress, 4, COLORS.cyan);
}

/** Points around a centre at the given radii, clockwise from the top. */
function ring(x: number, y: number, radii: readonly number[], turn = 0): Point[] {
  return radii.map((radius, index) => {
    const angle = -Math.PI / 2 + turn + (index * Math.PI * 2) / radii.length;
    return { x: x + Math.cos(angle) * radius, y: y + Math.sin(angle) * radius };
  });
}

function drawStar(painter: Painter, x: number, y: number, radius: number): void {
  const radii = Array.from({ length: 10 }, (_, point) => (point % 2 === 0 ? radius : radius * 0.45));
  painter.fillPolygon(ring(x, y, radii), COLORS.gold);
}

/** A lumpy rock; the row number varies its shape so a field of rocks does not look stamped. */
function drawRock(painter: Painter, x: number, y: number, radius: number, row: number): void {
  const radii = Array.from(
    { length: 8 },
    (_, corner) => radius * (0.78 + (((row * 7 + corner * 13) % 5) / 5) * 0.22),
  );
  painter.fillPolygon(ring(x, y, radii, Math.PI / 2), COLORS.rock);
  painter.fillCircle(x - radius * 0.25, y - radius * 0.15, radius * 0.22, COLORS.rockDark);
  painter.fillCircle(x + radius * 0.3, y + radius * 0.25, radius * 0.14, COLORS.rockDark);
}

/** The player's ship; also the game's emblem on the menu. */
export function drawShip(painter: Painter, x: number, y: number, size: number, alpha = 1): void {
  painter.fillPolygon(
    [
      { x, y: y - size },
      { x: x + size * 0.8, y: y + size * 0.8 },
      { x, y: y + size * 0.4 },
      { x: x - size * 0.8, y: y + size * 0.8 },
    ],
    withAlpha(COLORS.accent, alpha),
  );
  painter.fillCircle(x, y + size * 0.1, size * 0.22, withAlpha(COLORS.cyan, alpha));
}

/** A heart as a polygon: two lobes and a point, sampled from the classic two-curve outline. */
function heart(x: number, y: number, size: number): Point[] {
  const points: Point[] = [];
  const steps = 12;
  for (let step = 0; step <= steps; step += 1) {
    const t = (step / steps) * Math.PI * 2;
    // The parametric heart curve, scaled so its width is about 3.2 × size like the old bezier one.
    const hx = 16 * Math.sin(t) ** 3;
    const hy = 13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t);
    points.push({ x: x + (hx / 16) * size * 1.1, y: y - (hy / 16) * size * 1.1 + size * 0.1 });
  }
  return points;
}
