/**
 * A screen of the Canvas 2D edition is a layout: it places the flow's content for this frame (CSS px of
 * the game viewport) and draws it. It holds no state and decides nothing; the flow does.
 */
import type { ScreenContent } from '../assets/scripts/shell/index';
import type { Button, Rect } from './ui';
import type { View } from './view';

export interface ScreenLayout {
  readonly buttons: readonly Button[];
  /** Where the open data context's view of this screen goes, or null. */
  readonly contextRect: Rect | null;
  /** The play screen's area, where the game draws and steers. */
  readonly playArea: Rect | null;
  draw(ctx: CanvasRenderingContext2D): void;
}

export type LayoutOf<Name extends ScreenContent['name']> = (
  content: Extract<ScreenContent, { name: Name }>,
  view: View,
) => ScreenLayout;
