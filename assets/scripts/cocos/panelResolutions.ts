/**
 * The design resolutions of the scene's two SubContextView nodes (assets/scenes/main.scene), which fix
 * the aspect ratio each shows the shared canvas with, and the size of the texture it copies the shared
 * canvas into: the game asks the open data context for a canvas of exactly this size (surfaceLayout.ts),
 * about 2.8 pixels per CSS px on a 390 px wide phone, crisp on a 3x screen. The scene and these numbers
 * must agree; the unit tests check it.
 */

/** `Leaderboard`: the tall friend board. */
export const BOARD_RESOLUTION = { width: 960, height: 1500 } as const;

/**
 * `Notice`: the results screen's notice (four 25 CSS px lines, the strip the Canvas 2D edition gives it,
 * at 0.5 CSS px per unit on a 360 px wide phone) and the menu's best line.
 */
export const NOTICE_RESOLUTION = { width: 960, height: 300 } as const;
