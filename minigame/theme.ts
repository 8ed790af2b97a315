/** Colours and type of the Canvas 2D edition: the shared palette (social/palette.ts) and its own tones. */
import { palette } from '../assets/scripts/social/palette';

export { font } from '../assets/scripts/social/palette';

export const colors = {
  sky: '#0f0e22',
  skyLow: '#1d1a3d',
  panel: palette.panel,
  panelEdge: '#34325c',
  lane: '#17162d',
  laneAlt: '#1b1a35',
  laneLine: 'rgba(255,255,255,0.08)',
  text: palette.text,
  muted: palette.muted,
  accent: palette.accent,
  accentSoft: '#ff6f8e',
  cyan: '#25f4ee',
  gold: palette.gold,
  rock: '#8d8aa8',
  rockDark: '#5d5a78',
  quiet: palette.quiet,
  success: palette.success,
  failure: palette.failure,
  scrim: 'rgba(8,7,20,0.72)',
} as const;
