/**
 * The Cocos edition's colours and button type, the Canvas 2D edition's (minigame/theme.ts, minigame/ui.ts)
 * in hex and design units (2 per CSS px): engine-free, so a unit test compares the two editions.
 */
import type { ButtonStyle, Tone } from '../shell/index';
import { palette } from '../social/palette';

/** The camera's clear colour: the top of the Canvas 2D edition's sky. */
export const SKY = palette.sky;

export const TONE_COLORS: Record<Tone, string> = {
  text: palette.text,
  muted: palette.muted,
  success: palette.success,
  failure: palette.failure,
  gold: palette.gold,
  accent: palette.accent,
};

/**
 * Button fills; the Canvas 2D edition's translucent white ones (6 % and 8 %) as they come out over the
 * sky, opaque, so each fill is one colour.
 */
export const BUTTON_FILLS: Record<ButtonStyle, string> = {
  primary: palette.accent,
  secondary: palette.panelEdge,
  quiet: '#1d1c2f',
  chip: palette.panel,
  'chip-on': palette.accent,
  icon: '#222134',
};

/** A disabled button (a locked level), which the Canvas 2D edition draws at 40 % opacity. */
export const DISABLED_FILL = '#16152c';

/** Styles drawn with an outline in the panel edge colour. */
export const OUTLINED_STYLES: readonly ButtonStyle[] = ['quiet', 'chip'];

/** Label sizes of the Canvas 2D edition (16, 14 and 18 CSS px), in design units. */
export const BUTTON_LABEL_SIZE: Record<ButtonStyle, number> = {
  primary: 32,
  secondary: 32,
  quiet: 32,
  chip: 28,
  'chip-on': 28,
  icon: 36,
};

/** The Canvas 2D edition's 12 CSS px corners; icon buttons are round. */
export const BUTTON_CORNER = 24;
