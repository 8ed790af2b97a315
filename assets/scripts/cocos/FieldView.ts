import { _decorator, Color, Component, Graphics, UITransform, Vec3 } from 'cc';
import {
  FIELD_HEIGHT,
  fieldWidth,
  type GameState,
  LANE_WIDTH,
  type LevelConfig,
  OBJECT_HALF_SIZE,
  PLAYER_HALF_SIZE,
  PLAYER_Y,
} from '../core/index.js';
import type { PointLike } from './surfaceLayout.js';

const { ccclass, requireComponent } = _decorator;

const LANE_COLORS = [new Color(22, 24, 35, 255), new Color(30, 33, 48, 255)];
const ROCK = new Color(140, 146, 166, 255);
const STAR = new Color(255, 214, 10, 255);
const SHIP = new Color(37, 244, 238, 255);

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

  private scaleFor(level: LevelConfig): number {
    const size = this.getComponent(UITransform)?.contentSize;
    if (!size) return 1;
    return Math.min(size.width / fieldWidth(level), size.height / FIELD_HEIGHT);
  }

  render(game: GameState): void {
    const graphics = this.graphics;
    if (!graphics) return;
    const scale = this.scaleFor(game.level);
    const halfWidth = fieldWidth(game.level) / 2;
    const toX = (fieldX: number) => (fieldX - halfWidth) * scale;
    const toY = (fieldY: number) => (FIELD_HEIGHT / 2 - fieldY) * scale;

    graphics.clear();
    for (let lane = 0; lane < game.level.lanes; lane++) {
      graphics.fillColor = LANE_COLORS[lane % 2] ?? Color.BLACK;
      graphics.rect(toX(lane * LANE_WIDTH), toY(FIELD_HEIGHT), LANE_WIDTH * scale, FIELD_HEIGHT * scale);
      graphics.fill();
    }
    for (const object of game.objects) {
      const x = toX(object.lane * LANE_WIDTH + LANE_WIDTH / 2);
      const y = toY(object.y);
      const half = OBJECT_HALF_SIZE * scale;
      graphics.fillColor = object.kind === 'rock' ? ROCK : STAR;
      if (object.kind === 'rock') graphics.rect(x - half, y - half, half * 2, half * 2);
      else graphics.circle(x, y, half);
      graphics.fill();
    }
    const blinking = game.tick < game.invulnerableUntil && Math.floor(game.tick / 6) % 2 === 0;
    if (!blinking) {
      const half = PLAYER_HALF_SIZE * scale;
      const x = toX(game.playerX);
      const y = toY(PLAYER_Y);
      graphics.fillColor = SHIP;
      graphics.moveTo(x, y + half);
      graphics.lineTo(x + half, y - half);
      graphics.lineTo(x - half, y - half);
      graphics.close();
      graphics.fill();
    }
  }

  /** The lane under a touch (world/UI units), clamped to the level's lanes. */
  laneAt(uiPoint: PointLike, level: LevelConfig): number {
    const transform = this.getComponent(UITransform);
    if (!transform) return 0;
    const local = transform.convertToNodeSpaceAR(new Vec3(uiPoint.x, uiPoint.y, 0));
    const fieldX = local.x / this.scaleFor(level) + fieldWidth(level) / 2;
    return Math.min(level.lanes - 1, Math.max(0, Math.floor(fieldX / LANE_WIDTH)));
  }
}
