/**
 * The sample's colours and type, shared by the game (both editions) and the open data context, so the
 * friend board drawn in the context looks like part of the game around it. Each side names its own
 * roles (minigame/theme.ts, openDataContext/src/theme.ts, assets/scripts/cocos/uiKit.ts and FieldView.ts)
 * from these values, as `#rrggbb` so a Cocos `Color` can read them too.
 */

// Emoji fonts go last: they also carry digits and a space (for keycaps), and a browser picks, character
// by character, the first listed font that has a glyph, so an emoji font listed earlier draws "3,000" with
// emoji-width digits. The same stack everywhere, so a name with emoji or CJK falls back the same way in
// the game's global board as in the context's friend board.
export const FONT_FAMILY =
  '-apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif, "Apple Color Emoji", "Noto Color Emoji"';

export type FontWeight = 400 | 600 | 700 | 800;

export const font = (size: number, weight: FontWeight = 400): string => `${weight} ${size}px ${FONT_FAMILY}`;

export const palette = {
  /** The top of the game's sky: the Canvas 2D edition's background gradient, the Cocos camera's clear. */
  sky: '#0f0e22',
  night: '#17162b',
  panel: '#201f3a',
  rowAlt: '#1c1b33',
  highlight: '#3a2f6b',
  highlightEdge: '#a98bff',
  text: '#ffffff',
  muted: '#a9a6c8',
  gold: '#ffd166',
  accent: '#fe2c55',
  quiet: '#3b3960',
  success: '#2fd18a',
  failure: '#ff6b6b',
  panelEdge: '#34325c',
  cyan: '#25f4ee',
  rock: '#8d8aa8',
  lane: '#17162d',
  laneAlt: '#1b1a35',
} as const;
