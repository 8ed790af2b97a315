/**
 * One row of the friend board: rank, avatar, name, score, and the Challenge / Invite button of a friend's
 * row. Drawn straight on the canvas or into a row bitmap of the cache, the same pixels either way.
 */
import { formatScore } from '../../assets/scripts/social/displayName';
import type { Ranked } from '../../assets/scripts/social/ranking';
import type { AvatarCache } from './avatars';
import type { Player } from './friendStore';
import { type Box, drawAvatar, drawButton, type ShareStatus, shareButtonLook } from './paint';
import { drawFitted, fitText } from './text';
import { board, colors, font } from './theme';

export type Row = Ranked<Player>;

/** Where a row's button is, for a row whose top is at `rowTop` on a board `width` wide (CSS px). */
export function rowButtonBox(width: number, rowTop: number): Box {
  return {
    x: width - board.paddingX - board.buttonWidth,
    y: rowTop + (board.rowHeight - board.buttonHeight) / 2,
    width: board.buttonWidth,
    height: board.buttonHeight,
  };
}

export class RowPainter {
  constructor(private readonly avatars_: AvatarCache) {}

  /** The part of a row's signature its data decides, built once per row object (rows are immutable). */
  private readonly contents_ = new WeakMap<Row, string>();

  /** Everything a row's pixels depend on: a different signature means its bitmap is redrawn. */
  signature(row: Row, index: number, share: ShareStatus | undefined): string {
    let contents = this.contents_.get(row);
    if (contents === undefined) {
      contents = `${row.openId}|${row.name}|${row.rank}|${row.best?.score}|${row.isYou}`;
      this.contents_.set(row, contents);
    }
    return `${contents}|${index & 1}|${share ?? ''}|${this.avatars_.ready(row.avatarUrl)}`;
  }

  /** Draws the row with its top at `y`, `width` CSS px wide, `scale` device pixels per CSS px. */
  draw(
    ctx: CanvasRenderingContext2D,
    row: Row,
    index: number,
    y: number,
    width: number,
    scale: number,
    share: ShareStatus | undefined,
  ): void {
    const height = board.rowHeight;
    const middle = y + height / 2;
    // Opaque, so a cached row bitmap fully replaces what was under it.
    ctx.fillStyle = row.isYou ? colors.you : index % 2 === 1 ? colors.rowAlt : colors.background;
    ctx.fillRect(0, y, width, height);
    if (row.isYou) {
      ctx.fillStyle = colors.youEdge;
      ctx.fillRect(0, y, 4, height);
    }

    let x = board.paddingX;
    ctx.textAlign = 'center';
    ctx.fillStyle = row.rank !== null && row.rank <= 3 ? colors.rankTop : colors.muted;
    ctx.font = font(row.rank !== null && row.rank < 1000 ? 16 : 12, 700);
    ctx.fillText(row.rank === null ? '–' : String(row.rank), x + board.rankWidth / 2, middle);
    ctx.textAlign = 'left';
    x += board.rankWidth + 4;

    drawAvatar(ctx, this.avatars_, row, x, middle - board.avatarSize / 2, board.avatarSize, scale);
    x += board.avatarSize + board.gap;

    const buttonRoom = row.isYou || row.mine ? 0 : board.buttonWidth + board.gap;
    const textWidth = Math.max(0, width - x - buttonRoom - board.paddingX);
    ctx.fillStyle = colors.text;
    ctx.font = font(15, 600);
    drawFitted(ctx, fitText(ctx, row.name, textWidth), x, middle - 9);
    ctx.fillStyle = row.isYou ? colors.youEdge : colors.muted;
    ctx.font = font(13);
    const score = row.best === null ? 'No score yet' : `${formatScore(row.best.score)} pts`;
    ctx.fillText(row.isYou ? `${score} · You` : score, x, middle + 10);

    if (!row.isYou && !row.mine) {
      const look = shareButtonLook(share, row.best === null ? 'Invite' : 'Challenge');
      drawButton(ctx, rowButtonBox(width, y), look.label, look.fill, scale);
    }
  }
}

/**
 * Copies a row's bitmap with its top at `y` (CSS px) at a whole device pixel, cut to the list between
 * `area.top` and `area.bottom`. Expects the identity transform. A whole-bitmap copy is Skia's fastest
 * path; a part of one only for the rows at the edges.
 */
export function copyRowBitmap(
  ctx: CanvasRenderingContext2D,
  bitmap: CanvasImageSource,
  y: number,
  area: { top: number; bottom: number; width: number },
  scaleX: number,
  scaleY: number,
): void {
  const height = Math.round(board.rowHeight * scaleY);
  const top = Math.round(y * scaleY);
  const from = Math.max(top, Math.round(area.top * scaleY));
  const to = Math.min(top + height, Math.round(area.bottom * scaleY));
  if (to <= from) return;
  if (from === top && to === top + height) ctx.drawImage(bitmap, 0, top);
  else {
    const width = Math.round(area.width * scaleX);
    ctx.drawImage(bitmap, 0, from - top, width, to - from, 0, from, width, to - from);
  }
}
