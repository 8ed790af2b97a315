/** Sizes in CSS px and colours of the board and the notice. One place to restyle the whole context. */

// Emoji fonts go last: they also carry digits and a space (for keycaps), and a browser picks, character
// by character, the first listed font that has a glyph, so an emoji font listed earlier draws "3,000" with
// emoji-width digits.
export const FONT_FAMILY =
  '-apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif, "Apple Color Emoji", "Noto Color Emoji"';

export const font = (size: number, weight: 400 | 600 | 700 = 400): string =>
  `${weight} ${size}px ${FONT_FAMILY}`;

export const colors = {
  background: '#17162b',
  header: '#201f3a',
  rowAlt: '#1c1b33',
  you: '#3a2f6b',
  youEdge: '#a98bff',
  text: '#ffffff',
  muted: '#a9a6c8',
  rankTop: '#ffd166',
  button: '#fe2c55',
  buttonText: '#ffffff',
  buttonQuiet: '#3b3960',
  success: '#2fd18a',
  failure: '#ff6b6b',
  scrollbar: 'rgba(255,255,255,0.28)',
} as const;

export const board = {
  headerHeight: 44,
  rowHeight: 56,
  paddingX: 12,
  rankWidth: 34,
  avatarSize: 36,
  gap: 10,
  buttonWidth: 84,
  buttonHeight: 30,
} as const;

export const notice = {
  // Four lines fit the 100 px strip the Canvas 2D edition's results screen gives the notice.
  lineHeight: 25,
  paddingX: 12,
  buttonWidth: 84,
  buttonHeight: 21,
} as const;
