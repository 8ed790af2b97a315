/**
 * A screen of the Cocos edition laid out, as data: the flow's texts and buttons in boxes, and where an
 * open data context view goes. Engine-free, so every layout is unit-tested; GameBootstrap only turns a
 * model into nodes. Boxes are in design units, centre origin, y up, as the scene places nodes, on the
 * visible screen: 720 units wide (fit width) and as tall as the phone makes it. As in the Canvas 2D
 * edition (minigame/screens/), headers hang from the top edge and buttons stand on the bottom edge, at
 * the Canvas edition's distances in CSS px, in design units (tests/unit/cocos/layoutParity.test.ts compares them).
 */
import type { AreaSize } from '../games/contract';
import type { Painter } from '../games/painter';
import type { ButtonContent, ButtonStyle, SocialButtons, Tone } from '../shell/index';
import type { SurfaceView } from '../social/protocol';

export const DESIGN_WIDTH = 720;
export const DESIGN_HEIGHT = 1280;

/**
 * The visible screen in design units: 720 wide (fit width), as tall as the phone's aspect makes it, and
 * how many design units one CSS px of the phone is (720 / its width in CSS px), the unit the Canvas 2D
 * edition lays out in.
 */
export interface ScreenSize {
  width: number;
  height: number;
  px: number;
}
/** The design box itself: a 9:16 phone, 360 CSS px wide. */
export const DESIGN_SCREEN: ScreenSize = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT, px: 2 };
/** The y of the screen's top and bottom edges. */
export const edges = (screen: ScreenSize): { top: number; bottom: number } => ({
  top: screen.height / 2,
  bottom: -screen.height / 2,
});
/** Design units per play area unit: the game draws a 360×640 area, about a phone's CSS px. */
export const AREA_SCALE = 2;
/** The column screens lay out in, centred. */
export const COLUMN_WIDTH = 640;
const GAP = 24;
/** A button or panel half the column wide, for a pair side by side. */
export const HALF_WIDTH = (COLUMN_WIDTH - GAP) / 2;
export const LEFT_HALF_X = -(HALF_WIDTH + GAP) / 2;
export const RIGHT_HALF_X = (HALF_WIDTH + GAP) / 2;

/** A box by its centre, as the scene places nodes. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type { ButtonStyle, Tone };

export interface TextSpec {
  text: string;
  size: number;
  box: Box;
  align: 'left' | 'center' | 'right';
  tone: Tone;
  bold: boolean;
}

/** A button of the flow's content, placed. */
export interface ButtonSpec extends ButtonContent {
  box: Box;
}

/** An open data context view: the friend board's node for `board`, the notice node for the others. */
export interface PanelSpec {
  view: SurfaceView;
  box: Box;
}

/** Shapes drawn with the game's Painter in a box (the menu's emblem). */
export interface PaintingSpec {
  box: Box;
  paint(painter: Painter, area: AreaSize): void;
}

export interface ScreenModel {
  texts: TextSpec[];
  buttons: ButtonSpec[];
  panel: PanelSpec | null;
  painting: PaintingSpec | null;
}

export function text(
  value: string,
  size: number,
  y: number,
  options: Partial<Omit<TextSpec, 'text' | 'size'>> & { x?: number; width?: number; height?: number } = {},
): TextSpec {
  const { x = 0, width = COLUMN_WIDTH, height = Math.ceil(size * 1.5) } = options;
  return {
    text: value,
    size,
    box: options.box ?? { x, y, width, height },
    align: options.align ?? 'center',
    tone: options.tone ?? 'text',
    bold: options.bold ?? false,
  };
}

export const placeButton = (content: ButtonContent, box: Box): ButtonSpec => ({ ...content, box });

/**
 * CSS px from the bottom edge to the centre of the social pair's row and of the friend board's button
 * (minigame/social.ts), and of the screen's main button (the menu's play, the results' next).
 */
const SHARE_ROW_Y = 48;
const FRIEND_ROW_Y = 108;
export const MAIN_ROW_Y = 172;

/**
 * "View Friend Leaderboard" over "Invite friends" and "Share to story", standing on the screen's bottom
 * edge as in the Canvas 2D edition.
 */
export function placeSocial(social: SocialButtons, screen: ScreenSize): ButtonSpec[] {
  const { bottom } = edges(screen);
  const friendY = bottom + FRIEND_ROW_Y * screen.px;
  const shareY = bottom + SHARE_ROW_Y * screen.px;
  return [
    placeButton(social.friendBoard, { x: 0, y: friendY, width: COLUMN_WIDTH, height: 88 }),
    placeButton(social.invite, { x: LEFT_HALF_X, y: shareY, width: HALF_WIDTH, height: 80 }),
    placeButton(social.story, { x: RIGHT_HALF_X, y: shareY, width: HALF_WIDTH, height: 80 }),
  ];
}

/**
 * SubContextView draws the shared canvas fitted into its node with the aspect ratio kept, so a view's
 * box has the aspect of that node's design resolution: the width given, the height to match.
 */
export function panelBox(
  y: number,
  designResolution: { width: number; height: number },
  width = COLUMN_WIDTH,
): Box {
  return { x: 0, y, width, height: (width * designResolution.height) / designResolution.width };
}

const TOAST_HEIGHT = 56;
const overlaps = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

/** Where a toast goes so that it hides no button: near the bottom, else near the top, else mid-screen. */
export function toastBox(buttons: readonly ButtonSpec[], screen: ScreenSize = DESIGN_SCREEN): Box {
  const edge = edges(screen);
  const candidates = [edge.bottom + 60, edge.top - 60, DESIGN_HEIGHT * 0.1].map(
    (y): Box => ({ x: 0, y, width: COLUMN_WIDTH, height: TOAST_HEIGHT }),
  );
  const [bottom, top, middle] = candidates as [Box, Box, Box];
  return [bottom, top, middle].find((box) => !buttons.some((button) => overlaps(box, button.box))) ?? top;
}
