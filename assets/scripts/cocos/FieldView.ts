import { _decorator, Color, Component, Graphics, UITransform, Vec3 } from 'cc';
import {
  FIELD_HEIGHT,
  type GameState,
  LANE_WIDTH,
  type LevelConfig,
  OBJECT_HALF_SIZE,
  PLAYER_HALF_SIZE,
  PLAYER_Y,
} from '../core/index';
import { palette } from '../social/palette';
import { type FieldLayout, fieldLayout } from './fieldLayout';
import type { PointLike } from './surfaceLayout';
import { paletteColor } from './uiKit';

const { ccclass, requireComponent } = _decorator;

const LANE_COLORS = [paletteColor(palette.lane), paletteColor(palette.laneAlt)];
const ROCK = paletteColor(palette.rock);
const STAR = paletteColor(palette.gold);
const SHIP = paletteColor(palette.cyan);

/**
 * Draws the simulation's state with Graphics: lanes, falling rocks and stars, the ship. It reads the state,
 * never writes it, and maps field units (core/levels.ts) to the node's size, centred.
 */
@ccclass('FieldView')
@requireComponent(UITransform)
export class FieldView extends Component {
  private graphics: Graphics | null = null;

  override onLoad(): void {
    this.graphics = this.getComponent(Graphics) ?? this.addComponent(Graphics);
  }

  private layout(level: LevelConfig): FieldLayout {
    return fieldLayout(this.getComponent(UITransform)?.contentSize ?? { width: 1, height: 1 }, level);
  }

  render(game: GameState): void {
    const graphics = this.graphics;
    if (!graphics) return;
    const { scale, toLocal } = this.layout(game.level);

    graphics.clear();
    for (let lane = 0; lane < game.level.lanes; lane++) {
      const bottomLeft = toLocal(lane * LANE_WIDTH, FIELD_HEIGHT);
      graphics.fillColor = LANE_COLORS[lane % 2] ?? Color.BLACK;
      graphics.rect(bottomLeft.x, bottomLeft.y, LANE_WIDTH * scale, FIELD_HEIGHT * scale);
      graphics.fill();
    }
    const half = OBJECT_HALF_SIZE * scale;
    for (const object of game.objects) {
      const { x, y } = toLocal(object.lane * LANE_WIDTH + LANE_WIDTH / 2, object.y);
      graphics.fillColor = object.kind === 'rock' ? ROCK : STAR;
      if (object.kind === 'rock') graphics.rect(x - half, y - half, half * 2, half * 2);
      else graphics.circle(x, y, half);
      graphics.fill();
    }
    // The ship blinks while it passes through rocks after a hit.
    const blinking = game.tick < game.invulnerableUntil && Math.floor(game.tick / 6) % 2 === 0;
    if (!blinking) {
      const ship = PLAYER_HALF_SIZE * scale;
      const { x, y } = toLocal(game.playerX, PLAYER_Y);
      graphics.fillColor = SHIP;
      graphics.moveTo(x, y + ship);
      graphics.lineTo(x + ship, y - ship);
      graphics.lineTo(x - ship, y - ship);
      graphics.close();
      graphics.fill();
    }
  }

  /** The lane under a touch (world/UI units). */
  laneAt(uiPoint: PointLike, level: LevelConfig): number {
    const transform = this.getComponent(UITransform);
    if (!transform) return 0;
    const local = transform.convertToNodeSpaceAR(new Vec3(uiPoint.x, uiPoint.y, 0));
    return this.layout(level).laneAt(local);
  }
}
