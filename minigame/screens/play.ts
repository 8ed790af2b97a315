/**
 * The play screen: runs the core simulation at a fixed 60 ticks per second (independent of the display
 * rate), steers to the lane under the thumb, and draws the field. In test mode the built-in bot steers
 * and the level runs many ticks per frame.
 */
import {
  chooseBotLane,
  FIELD_HEIGHT,
  type GameEvent,
  LANE_WIDTH,
  PLAYER_Y,
  type Playthrough,
  startPlaythrough,
  TICKS_PER_SECOND,
  ticksLeft,
} from '../../assets/scripts/core/index';
import type { Screen } from '../screen';
import type { ScreenContext } from '../screenContext';
import { colors } from '../theme';
import { type Button, drawBackdrop, drawShip, drawText, type Rect } from '../ui';

const TICK_MS = 1000 / TICKS_PER_SECOND;
/** After a long stall (a slow frame, a debugger) the game skips ahead instead of racing to catch up. */
const MAX_TICKS_PER_FRAME = 4;
/** Test mode: two seconds of play per frame, so a level ends in a quarter of a second even on a slow CI box. */
const AUTOPLAY_TICKS_PER_FRAME = 120;
const HUD_HEIGHT = 64;

interface FloatingText {
  text: string;
  x: number;
  y: number;
  color: string;
  bornTick: number;
}

export function playScreen(app: ScreenContext, level: number): Screen {
  // A seed the server issued (fetched ahead), the test mode's, or a local one whose run stays unsent.
  const seed = app.services.runSeed(app.testMode.seed);
  const run: Playthrough = startPlaythrough(seed, level);
  const { game } = run;
  const { width, height } = app.view;
  const field: Rect = { x: 12, y: HUD_HEIGHT + 8, width: width - 24, height: height - HUD_HEIGHT - 20 };
  const laneWidth = field.width / game.level.lanes;
  const toScreenY = (y: number): number => field.y + (y / FIELD_HEIGHT) * field.height;
  const toScreenX = (x: number): number => field.x + (x / (game.level.lanes * LANE_WIDTH)) * field.width;
  const objectRadius = Math.min(laneWidth * 0.3, 24);
  let accumulatedMs = 0;
  let paused = false;
  let finished = false;
  const floating: FloatingText[] = [];

  const steerAt = (x: number): void => {
    run.steer(Math.floor((x - field.x) / laneWidth));
  };

  const showEvents = (events: readonly GameEvent[]): void => {
    for (const event of events) {
      if (event.type === 'starCollected') {
        const x = toScreenX(event.lane * LANE_WIDTH + LANE_WIDTH / 2);
        floating.push({
          text: `+${event.points}`,
          x,
          y: toScreenY(PLAYER_Y) - 30,
          color: colors.gold,
          bornTick: game.tick,
        });
      } else if (event.type === 'rockHit') {
        const x = toScreenX(event.lane * LANE_WIDTH + LANE_WIDTH / 2);
        floating.push({
          text: 'Ouch!',
          x,
          y: toScreenY(PLAYER_Y) - 30,
          color: colors.failure,
          bornTick: game.tick,
        });
      }
    }
    while (floating.length > 0 && game.tick - (floating[0]?.bornTick ?? 0) > 45) floating.shift();
  };

  const held = (): boolean => app.testMode.holdAtTick !== null && game.tick >= app.testMode.holdAtTick;

  const advance = (): void => {
    if (app.testMode.autoplay === true) run.steer(chooseBotLane(game));
    run.advance();
    showEvents(game.events);
  };

  const buttons = (): Button[] => {
    if (finished) return [];
    if (!paused) {
      return [
        {
          id: 'pause',
          label: 'II',
          rect: { x: width - 56, y: 12, width: 44, height: 40 },
          style: 'icon',
          onTap: () => {
            paused = true;
          },
        },
      ];
    }
    const w = Math.min(260, width - 60);
    const x = (width - w) / 2;
    return [
      {
        id: 'resume',
        label: 'Resume',
        rect: { x, y: height / 2 - 10, width: w, height: 52 },
        style: 'primary',
        onTap: () => {
          paused = false;
          accumulatedMs = 0;
        },
      },
      {
        id: 'quit',
        label: 'Quit to menu',
        rect: { x, y: height / 2 + 54, width: w, height: 48 },
        style: 'quiet',
        onTap: () => app.toMenu(),
      },
    ];
  };

  const drawField = (ctx: CanvasRenderingContext2D): void => {
    for (let lane = 0; lane < game.level.lanes; lane += 1) {
      ctx.fillStyle = lane % 2 === 0 ? colors.lane : colors.laneAlt;
      ctx.fillRect(field.x + lane * laneWidth, field.y, laneWidth, field.height);
    }
    ctx.strokeStyle = colors.laneLine;
    ctx.lineWidth = 1;
    for (let lane = 1; lane < game.level.lanes; lane += 1) {
      const x = Math.round(field.x + lane * laneWidth) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, field.y);
      ctx.lineTo(x, field.y + field.height);
      ctx.stroke();
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(field.x, field.y, field.width, field.height);
    ctx.clip();
    for (const object of game.objects) {
      const x = field.x + (object.lane + 0.5) * laneWidth;
      const y = toScreenY(object.y);
      if (object.kind === 'star') drawStar(ctx, x, y, objectRadius);
      else drawRock(ctx, x, y, objectRadius, object.row);
    }
    ctx.restore();
    const blinking = game.tick < game.invulnerableUntil && Math.floor(game.tick / 6) % 2 === 0;
    drawShip(ctx, toScreenX(game.playerX), toScreenY(PLAYER_Y), objectRadius, blinking ? 0.35 : 1);
    for (const text of floating) {
      const age = game.tick - text.bornTick;
      ctx.save();
      ctx.globalAlpha = Math.max(0, 1 - age / 45);
      drawText(ctx, text.text, text.x, text.y - age, {
        size: 16,
        weight: 800,
        align: 'center',
        color: text.color,
      });
      ctx.restore();
    }
  };

  const drawHud = (ctx: CanvasRenderingContext2D): void => {
    drawText(ctx, `Level ${game.level.number}`, 16, 24, { size: 14, weight: 700, color: colors.muted });
    drawText(ctx, String(game.score), 16, 46, { size: 22, weight: 800 });
    for (let life = 0; life < 3; life += 1) {
      drawHeart(ctx, width / 2 - 24 + life * 24, 30, 8, life < game.lives ? colors.accent : colors.quiet);
    }
    const secondsLeft = Math.ceil(ticksLeft(game) / TICKS_PER_SECOND);
    drawText(ctx, `${secondsLeft}s`, width - 68, 32, {
      size: 15,
      weight: 700,
      align: 'right',
      color: colors.muted,
    });
    const progress = game.tick / game.level.lengthTicks;
    ctx.fillStyle = colors.quiet;
    ctx.fillRect(field.x, HUD_HEIGHT - 2, field.width, 4);
    ctx.fillStyle = colors.cyan;
    ctx.fillRect(field.x, HUD_HEIGHT - 2, field.width * progress, 4);
  };

  return {
    name: 'play',
    buttons,
    update(elapsedMs) {
      if (paused || finished) return;
      if (app.testMode.autoplay !== false) {
        for (let i = 0; i < AUTOPLAY_TICKS_PER_FRAME && game.status === 'playing' && !held(); i += 1)
          advance();
      } else {
        accumulatedMs = Math.min(accumulatedMs + elapsedMs, TICK_MS * MAX_TICKS_PER_FRAME);
        while (accumulatedMs >= TICK_MS && game.status === 'playing' && !held()) {
          accumulatedMs -= TICK_MS;
          advance();
        }
      }
      if (game.status !== 'playing') {
        finished = true;
        app.finishLevel(run);
      }
    },
    pointer(phase, x) {
      if (paused || app.testMode.autoplay !== false) return;
      if (phase === 'down' || phase === 'move') steerAt(x);
    },
    pause() {
      paused = true;
    },
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      drawField(ctx);
      drawHud(ctx);
      if (paused) {
        ctx.fillStyle = colors.scrim;
        ctx.fillRect(0, 0, width, height);
        drawText(ctx, 'Paused', width / 2, height / 2 - 60, { size: 30, weight: 800, align: 'center' });
      }
    },
  };
}

function drawStar(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
  ctx.save();
  ctx.shadowColor = colors.gold;
  ctx.shadowBlur = radius * 0.5;
  ctx.fillStyle = colors.gold;
  ctx.beginPath();
  for (let point = 0; point < 10; point += 1) {
    const r = point % 2 === 0 ? radius : radius * 0.45;
    const angle = -Math.PI / 2 + (point * Math.PI) / 5;
    ctx.lineTo(x + Math.cos(angle) * r, y + Math.sin(angle) * r);
  }
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** A lumpy rock; the row number varies its shape so a field of rocks does not look stamped. */
function drawRock(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number, row: number): void {
  ctx.fillStyle = colors.rock;
  ctx.beginPath();
  for (let corner = 0; corner < 8; corner += 1) {
    const wobble = 0.78 + (((row * 7 + corner * 13) % 5) / 5) * 0.22;
    const angle = (corner * Math.PI) / 4;
    ctx.lineTo(x + Math.cos(angle) * radius * wobble, y + Math.sin(angle) * radius * wobble);
  }
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = colors.rockDark;
  ctx.beginPath();
  ctx.arc(x - radius * 0.25, y - radius * 0.15, radius * 0.22, 0, Math.PI * 2);
  ctx.arc(x + radius * 0.3, y + radius * 0.25, radius * 0.14, 0, Math.PI * 2);
  ctx.fill();
}

function drawHeart(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y + size);
  ctx.bezierCurveTo(x - size * 1.6, y - size * 0.2, x - size * 0.6, y - size * 1.3, x, y - size * 0.4);
  ctx.bezierCurveTo(x + size * 0.6, y - size * 1.3, x + size * 1.6, y - size * 0.2, x, y + size);
  ctx.fill();
}
