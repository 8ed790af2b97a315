/** Colours and type of the Canvas 2D edition: the shared palette (social/palette.ts) and its own tones. */
import type { Tone } from '../assets/scripts/shell/index';
import { palette } from '../assets/scripts/social/palette';

export { font } from '../assets/scripts/social/palette';

export const colors = {
  sky: palette.sky,
  skyLow: '#1d1a3d',
  panel: palette.panel,
  panelEdge: palette.panelEdge,
  text: palette.text,
  muted: palette.muted,
  accent: palette.accent,
  cyan: palette.cyan,
  gold: palette.gold,
  quiet: palette.quiet,
  success: palette.success,
  failure: palette.failure,
  highlight: palette.highlight,
  scrim: 'rgba(8,7,20,0.72)',
} as const;

export const toneColors: Record<Tone, string> = {
  text: colors.text,
  muted: colors.muted,
  success: colors.success,
  failure: colors.failure,
  gold: colors.gold,
  accent: colors.accent,
};
