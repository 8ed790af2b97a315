/**
 * The main menu's "Best score" line, drawn here because only the open data context can read the
 * player's cloud storage: the game on a new device knows no best, the cloud does.
 */
import { formatScore } from '../../assets/scripts/social/displayName';
import type { OwnBest } from './bestKeeper';
import { colors, font } from './theme';

/** The line for the current state; empty until the stored best was read (nothing is claimed before). */
export function bestText(own: OwnBest): string {
  if (own.stored === undefined)
    return own.pending === null ? '' : `Best score ${formatScore(own.pending.score)}`;
  const stored = own.stored?.score ?? null;
  const pending = own.pending?.score ?? null;
  if (pending !== null && (stored === null || pending > stored)) {
    return `Best score ${formatScore(pending)} · saving…`;
  }
  return stored === null ? 'No best score yet' : `Best score ${formatScore(stored)}`;
}

export class BestView {
  private width_ = 0;
  private height_ = 0;

  setSize(width: number, height: number): void {
    this.width_ = width;
    this.height_ = height;
  }

  draw(ctx: CanvasRenderingContext2D, own: OwnBest): void {
    // The line sits on the game's own backdrop: everything but the text stays transparent.
    ctx.clearRect(0, 0, this.width_, this.height_);
    ctx.fillStyle = colors.rankTop;
    ctx.font = font(17, 700);
    ctx.textAlign = 'center';
    const text = bestText(own);
    if (text !== '') ctx.fillText(text, this.width_ / 2, this.height_ / 2, this.width_);
    ctx.textAlign = 'left';
  }
}
