import { describe, expect, it } from 'vitest';
import { game, gameInfo } from '../../../../assets/scripts/games/starLanes/index';
import { LEVELS } from '../../../../assets/scripts/games/starLanes/levels';
import { COLORS, laneAt } from '../../../../assets/scripts/games/starLanes/view';
import { recordingPainter } from '../recordingPainter';

const AREA = { width: 360, height: 640 };

describe('Star Lanes behind the contract', () => {
  it('declares as many levels as it has', () => {
    expect(gameInfo.levelCount).toBe(LEVELS.length);
    expect(game.levelBounds(5)).toEqual({ ticks: 2100, largestInput: 4 });
  });

  it('steers to the lane under the thumb, clamped to the field', () => {
    const play = game.startLevel(1, 3);
    play.pointer('down', AREA.width - 1, 300, AREA);
    for (let tick = 0; tick < 40; tick += 1) play.advance();
    expect(play.runRecord().inputs[0]).toEqual([0, 3]);
    const first = game.startLevel(1, 1).runRecord();
    expect(first.inputs).toEqual([]);
  });

  it('maps the play area to lanes the same in any area size', () => {
    const state = { level: { lanes: 4 } } as Parameters<typeof laneAt>[0];
    expect(laneAt(state, AREA, 0)).toBe(0);
    expect(laneAt(state, AREA, 179)).toBe(1);
    expect(laneAt(state, AREA, 181)).toBe(2);
    expect(laneAt(state, { width: 720, height: 1280 }, 700)).toBe(3);
    expect(laneAt(state, AREA, 5_000)).toBe(3);
  });

  it('says how many stars were caught, in words that fit one or many', () => {
    const play = game.startLevel(2, 1);
    expect(play.summary()).toBe('0 stars caught');
  });

  it('draws the lanes, the ship and its heads-up display', () => {
    const play = game.startLevel(3, 2);
    const painter = recordingPainter();
    play.draw(painter, AREA);
    const texts = painter.calls.flatMap((call) => (call.kind === 'text' ? [call.value] : []));
    expect(texts).toEqual(['Level 2', '0', '28s']);
    const lanes = painter.calls.filter(
      (call) => call.kind === 'rect' && (call.color === COLORS.lane || call.color === COLORS.laneAlt),
    );
    expect(lanes).toHaveLength(3);
    const ship = painter.calls.find(
      (call) => call.kind === 'polygon' && call.points.length === 4 && call.color.startsWith(COLORS.accent),
    );
    expect(ship).toBeDefined();
  });
});
