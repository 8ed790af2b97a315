/** Colours and type of the Canvas 2D edition, close to the open data context's so the board fits in. */

export const FONT_FAMILY = 'sans-serif';

export const font = (size: number, weight: 400 | 600 | 700 | 800 = 400): string =>
  `${weight} ${size}px ${FONT_FAMILY}`;

export const colors = {
  sky: '#0f0e22',
  skyLow: '#1d1a3d',
  panel: '#201f3a',
  panelEdge: '#34325c',
  lane: '#17162d',
  laneAlt: '#1b1a35',
  laneLine: 'rgba(255,255,255,0.08)',
  text: '#ffffff',
  muted: '#a9a6c8',
  accent: '#fe2c55',
  accentSoft: '#ff6f8e',
  cyan: '#25f4ee',
  gold: '#ffd166',
  rock: '#8d8aa8',
  rockDark: '#5d5a78',
  quiet: '#3b3960',
  success: '#2fd18a',
  failure: '#ff6b6b',
  scrim: 'rgba(8,7,20,0.72)',
} as const;
