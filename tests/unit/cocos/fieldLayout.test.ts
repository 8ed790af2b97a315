import { describe, expect, it } from 'vitest';
import { fieldLayout } from '../../../assets/scripts/cocos/fieldLayout';
import {
  FIELD_HEIGHT,
  fieldWidth,
  LANE_WIDTH,
  laneCenterX,
  levelConfig,
} from '../../../assets/scripts/core/index';

const level = levelConfig(1);
const NODE = { width: 720, height: 1160 };

describe('FieldView layout', () => {
  it('fits the whole field into the node, centred', () => {
    const layout = fieldLayout(NODE, level);
    const expectedScale = Math.min(720 / fieldWidth(level), 1160 / FIELD_HEIGHT);
    expect(layout.scale).toBeCloseTo(expectedScale, 9);
    expect(layout.toLocal(0, 0)).toEqual({
      x: (-fieldWidth(level) / 2) * layout.scale,
      y: (FIELD_HEIGHT / 2) * layout.scale,
    });
    expect(layout.toLocal(fieldWidth(level) / 2, FIELD_HEIGHT / 2)).toEqual({ x: 0, y: 0 });
  });

  it('maps each lane centre back to its lane', () => {
    const layout = fieldLayout(NODE, level);
    for (let lane = 0; lane < level.lanes; lane++) {
      expect(layout.laneAt(layout.toLocal(laneCenterX(lane), 1000))).toBe(lane);
    }
  });

  it('puts lane borders in the right lane and clamps touches beside the field', () => {
    const layout = fieldLayout(NODE, level);
    expect(layout.laneAt(layout.toLocal(LANE_WIDTH - 0.01, 0))).toBe(0);
    expect(layout.laneAt(layout.toLocal(LANE_WIDTH, 0))).toBe(1);
    expect(layout.laneAt({ x: -10_000, y: 0 })).toBe(0);
    expect(layout.laneAt({ x: 10_000, y: 0 })).toBe(level.lanes - 1);
  });
});
