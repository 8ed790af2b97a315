import { type ShowMessage, showMessage } from '../../assets/scripts/social/protocol';

/** The board both pages open: a 320×480 CSS px panel of an 800×600 page at pixel ratio 3, as a game shows it. */
export const BOARD_WIDTH = 320;
export const BOARD_HEIGHT = 480;
export const BOARD_DPR = 3;

export const showBoard = (): ShowMessage =>
  showMessage({
    view: 'board',
    rect: { x: 0, y: 0, width: BOARD_WIDTH, height: BOARD_HEIGHT },
    viewport: { width: 800, height: 600 },
    pixelRatio: BOARD_DPR,
    you: { openId: 'you' },
    authorized: true,
  });
