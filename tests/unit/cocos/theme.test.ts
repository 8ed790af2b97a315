import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUTTON_CORNER,
  BUTTON_FILLS,
  BUTTON_LABEL_SIZE,
  DISABLED_FILL,
  SKY,
  TONE_COLORS,
} from '../../../assets/scripts/cocos/theme';
import { colors, toneColors } from '../../../minigame/theme';

/** The Canvas 2D edition draws in CSS px; the Cocos layouts use 2 design units per CSS px. */
const UNITS_PER_CSS_PX = 2;

const channels = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
/** `hex` at `alpha` over `under`, as the Canvas 2D edition's translucent fills come out. */
const over = (hex: string, alpha: number, under: string): number[] => {
  const base = channels(under);
  return channels(hex).map((value, index) => alpha * value + (1 - alpha) * (base[index] ?? 0));
};
const expectClose = (actual: string, expected: number[]) => {
  channels(actual).forEach((value, index) => {
    expect(Math.abs(value - (expected[index] ?? 0))).toBeLessThanOrEqual(1);
  });
};

describe('the Cocos edition wears the Canvas 2D edition’s colours', () => {
  it('the sky and the tones of text are the same', () => {
    expect(SKY).toBe(colors.sky);
    expect(TONE_COLORS).toEqual(toneColors);
  });

  it('the scene’s camera clears to the sky', () => {
    const scene = JSON.parse(readFileSync('assets/scenes/main.scene', 'utf8')) as {
      __type__: string;
      _color?: { r: number; g: number; b: number };
    }[];
    const camera = scene.find((entry) => entry.__type__ === 'cc.Camera');
    const { r, g, b } = camera?._color ?? { r: -1, g: -1, b: -1 };
    expect([r, g, b]).toEqual(channels(SKY));
  });

  it('button fills are the Canvas 2D edition’s (minigame/ui.ts), the translucent ones over the sky', () => {
    expect(BUTTON_FILLS.primary).toBe(colors.accent);
    expect(BUTTON_FILLS.secondary).toBe(colors.panelEdge);
    expect(BUTTON_FILLS.chip).toBe(colors.panel);
    expect(BUTTON_FILLS['chip-on']).toBe(colors.accent);
    expectClose(BUTTON_FILLS.quiet, over('#ffffff', 0.06, colors.sky));
    expectClose(BUTTON_FILLS.icon, over('#ffffff', 0.08, colors.sky));
    // A disabled button: the Canvas 2D edition's 40 % opacity of a chip.
    expectClose(DISABLED_FILL, over(colors.panel, 0.4, colors.sky));
  });

  it('button labels and corners have the Canvas 2D edition’s sizes', () => {
    expect(BUTTON_LABEL_SIZE.primary / UNITS_PER_CSS_PX).toBe(16);
    expect(BUTTON_LABEL_SIZE.chip / UNITS_PER_CSS_PX).toBe(14);
    expect(BUTTON_LABEL_SIZE.icon / UNITS_PER_CSS_PX).toBe(18);
    expect(BUTTON_CORNER / UNITS_PER_CSS_PX).toBe(12);
  });
});

describe('the menu greeting', () => {
  it('breaks at the space nearest its middle, never inside a score', async () => {
    const { twoLines } = await import('../../../assets/scripts/cocos/menuModel');
    expect(twoLines('Grace Newcomer challenges you: beat 1,250 points!')).toBe(
      'Grace Newcomer challenges\nyou: beat 1,250 points!',
    );
    expect(twoLines('Hi!')).toBe('Hi!');
  });
});
