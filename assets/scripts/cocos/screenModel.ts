/**
 * What a screen of the Cocos edition shows, as data: texts, buttons with the ids and actions of the
 * Canvas 2D edition's, and where an open data context view goes. Engine-free, so every layout and
 * decision is unit-tested; GameBootstrap only turns a model into nodes. Boxes are in design units of the
 * 720×1280 canvas, centre origin, y up, as the scene places nodes.
 */
import type { EntryPoint } from '../shell/index';
import type { SurfaceView } from '../social/protocol';

export const DESIGN_WIDTH = 720;
export const DESIGN_HEIGHT = 1280;
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

export type Tone = 'text' | 'muted' | 'success' | 'failure' | 'gold' | 'accent';

export interface TextSpec {
  text: string;
  size: number;
  box: Box;
  align: 'left' | 'center' | 'right';
  tone: Tone;
  bold: boolean;
}

export type ButtonStyle = 'primary' | 'secondary' | 'quiet' | 'chip' | 'chip-on';

export type BoardTab = 'friends' | 'global';

export type ScreenAction =
  | { kind: 'select-level'; level: number }
  | { kind: 'play'; level: number }
  | { kind: 'friend-board'; entryPoint: EntryPoint }
  | { kind: 'invite' }
  | { kind: 'story' }
  | { kind: 'menu' }
  | { kind: 'close' }
  | { kind: 'tab'; tab: BoardTab }
  | { kind: 'retry-auth' }
  | { kind: 'retry-global' }
  | { kind: 'consent'; goOn: boolean };

export interface ButtonSpec {
  /** The same id as the Canvas 2D edition's button, for end-to-end tests. */
  id: string;
  label: string;
  box: Box;
  style: ButtonStyle;
  enabled: boolean;
  action: ScreenAction;
}

/** An open data context view: the friend board's node for `board`, the notice node for the others. */
export interface PanelSpec {
  view: SurfaceView;
  box: Box;
}

export interface ScreenModel {
  /** The screen's name in the test hook, as the Canvas 2D edition names it. */
  name: string;
  texts: TextSpec[];
  buttons: ButtonSpec[];
  panel: PanelSpec | null;
  /** The leaderboard's tab and state for the test hook, e.g. "friends:authorized"; else null. */
  board: string | null;
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

export function buttonSpec(
  id: string,
  label: string,
  box: Box,
  action: ScreenAction,
  style: ButtonStyle = 'secondary',
  enabled = true,
): ButtonSpec {
  return { id, label, box, style, enabled, action };
}

/**
 * "View Friend Leaderboard" over "Invite friends" and "Share to story": the same three buttons, with the
 * same ids, wherever the game offers them; `entryPoint` keeps the click-through metrics apart.
 */
export function socialButtons(entryPoint: EntryPoint, friendY: number, shareY: number): ButtonSpec[] {
  return [
    buttonSpec(
      'friend-board',
      'View Friend Leaderboard',
      { x: 0, y: friendY, width: COLUMN_WIDTH, height: 88 },
      { kind: 'friend-board', entryPoint },
    ),
    buttonSpec(
      'invite',
      'Invite friends',
      { x: LEFT_HALF_X, y: shareY, width: HALF_WIDTH, height: 80 },
      {
        kind: 'invite',
      },
      'quiet',
    ),
    buttonSpec(
      'story',
      'Share to story',
      { x: RIGHT_HALF_X, y: shareY, width: HALF_WIDTH, height: 80 },
      {
        kind: 'story',
      },
      'quiet',
    ),
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
export function toastBox(buttons: readonly ButtonSpec[]): Box {
  const candidates = [-DESIGN_HEIGHT / 2 + 60, DESIGN_HEIGHT / 2 - 60, DESIGN_HEIGHT * 0.1].map(
    (y): Box => ({ x: 0, y, width: COLUMN_WIDTH, height: TOAST_HEIGHT }),
  );
  const [bottom, top, middle] = candidates as [Box, Box, Box];
  return [bottom, top, middle].find((box) => !buttons.some((button) => overlaps(box, button.box))) ?? top;
}
