/** Sizes in CSS px and colours of the board and the notice. One place to restyle the whole context. */

import { palette } from '../../assets/scripts/social/palette';

export { FONT_FAMILY, font } from '../../assets/scripts/social/palette';

export const colors = {
  background: palette.night,
  header: palette.panel,
  rowAlt: palette.rowAlt,
  you: palette.highlight,
  youEdge: palette.highlightEdge,
  text: palette.text,
  muted: palette.muted,
  rankTop: palette.gold,
  button: palette.accent,
  buttonText: palette.text,
  buttonQuiet: palette.quiet,
  success: palette.success,
  failure: palette.failure,
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
