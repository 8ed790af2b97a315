/**
 * How FieldView fits the playing field (core/levels.ts units, y down from the top) into its node (local
 * units, y up from the centre). Engine-free, so the touch-to-lane mapping is unit-tested.
 */
import { FIELD_HEIGHT, fieldWidth, LANE_WIDTH, type LevelConfig } from '../core/index';
import type { PointLike, SizeLike } from './surfaceLayout';

export interface FieldLayout {
  /** Node units per field unit: the whole field fits, centred, with its aspect ratio kept. */
  scale: number;
  toLocal(fieldX: number, fieldY: number): PointLike;
  /** The lane under a point in the node's local space, clamped to the level's lanes. */
  laneAt(local: PointLike): number;
}

export function fieldLayout(nodeSize: SizeLike, level: LevelConfig): FieldLayout {
  const width = fieldWidth(level);
  const scale = Math.min(nodeSize.width / width, nodeSize.height / FIELD_HEIGHT);
  return {
    scale,
    toLocal: (fieldX, fieldY) => ({
      x: (fieldX - width / 2) * scale,
      y: (FIELD_HEIGHT / 2 - fieldY) * scale,
    }),
    laneAt: (local) => {
      const fieldX = local.x / scale + width / 2;
      return Math.min(level.lanes - 1, Math.max(0, Math.floor(fieldX / LANE_WIDTH)));
    },
  };
}
