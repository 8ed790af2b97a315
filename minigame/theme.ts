/** Colours and type of the Canvas 2D edition: the shared palette (social/palette.ts) and its own tones. */
import { palette } from '../assets/scripts/social/palette';

export { font } from '../assets/scripts/social/palette';

export const colors = {
  sky: '#0f0e22',
  skyLow: '#1d1a3d',
  panel: palette.panel,
  panelEdge: palette.panelEdge,
  lane: palette.lane,
  laneAlt: palette.laneAlt,
  laneLine: 'rgba(255,255,255,0.08)',
  text: palette.text,
  muted: palette.muted,
  accent: palette.accent,
  accentSoft: '#ff6f8e',
  cyan: palette.cyan,
  gold: palette.gold,
  rock: palette.rock,
  rockDark: '#5d5a78',
  quiet: palette.quiet,
  success: palette.success,
  failure: palette.failure,
  scrim: 'rgba(8,7,20,0.72)',
} as const;
