/**
 * The results screen's strip: what became of the score (a new best being saved, saved, or your best
 * that stays), then "beat your friend": who a new best just passed (each with a "Tell them" button) and
 * how far the next friend is. It has no scrolling: what does not fit is summed up.
 */

import { formatScore } from '../../assets/scripts/social/displayName';
import type { SurpassResult } from '../../assets/scripts/social/surpass';
import type { RunOutcome } from './bestKeeper';
import type { FriendsState, Player } from './friendStore';
import { type Box, contains, drawButton, type ShareStatus, shareButtonLook } from './paint';
import { drawFitted, fitText } from './text';
import { colors, font, notice } from './theme';

export type NoticeAction = { kind: 'tell'; friend: Player } | { kind: 'retry' };

export interface NoticeModel {
  /** The level that just ended, as the best keeper judged it; null before any. */
  readonly run: RunOutcome | null;
  readonly state: FriendsState['kind'];
  readonly problem: 'unauthorized' | 'failed' | null;
  /** Measured from the run's new best, or from your stored best when the run was not one. */
  readonly surpass: SurpassResult<Player> | null;
  readonly friendCount: number;
  readonly shares: ReadonlyMap<string, ShareStatus>;
}

interface Line {
  text: string;
  color: string;
  bold: boolean;
  tell?: Player;
}

export class NoticeView {
  private width_ = 0;
  private height_ = 0;
  private buttons_: { box: Box; friend: Player }[] = [];
  private retryable_ = false;

  setSize(width: number, height: number): void {
    this.width_ = width;
    this.height_ = height;
  }

  /** The lines the strip shows, in order, for the current model and strip height. */
  lines(model: NoticeModel): Line[] {
    const capacity = Math.max(1, Math.floor(this.height_ / notice.lineHeight));
    const best = bestLine(model.run);
    const lines = best === null ? [] : [best];
    return [...lines, ...friendLines(model, Math.max(1, capacity - lines.length))].slice(0, capacity);
  }

  draw(ctx: CanvasRenderingContext2D, model: NoticeModel): void {
    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, this.width_, this.height_);
    this.buttons_ = [];
    this.retryable_ = model.state === 'error' && model.problem !== 'unauthorized';
    const lines = this.lines(model);
    let y = (this.height_ - lines.length * notice.lineHeight) / 2;
    for (const line of lines) {
      const middle = y + notice.lineHeight / 2;
      const buttonRoom = line.tell === undefined ? 0 : notice.buttonWidth + 8;
      ctx.fillStyle = line.color;
      ctx.font = font(14, line.bold ? 700 : 400);
      const maxWidth = this.width_ - 2 * notice.paddingX - buttonRoom;
      drawFitted(ctx, fitText(ctx, line.text, maxWidth), notice.paddingX, middle);
      if (line.tell !== undefined) {
        const box = {
          x: this.width_ - notice.paddingX - notice.buttonWidth,
          y: middle - notice.buttonHeight / 2,
          width: notice.buttonWidth,
          height: notice.buttonHeight,
        };
        const look = shareButtonLook(model.shares.get(line.tell.openId), 'Tell them');
        drawButton(ctx, box, look.label, look.fill);
        this.buttons_.push({ box, friend: line.tell });
      }
      y += notice.lineHeight;
    }
  }

  tap(x: number, y: number): NoticeAction | null {
    if (this.retryable_) return { kind: 'retry' };
    for (const { box, friend } of this.buttons_) if (contains(box, x, y, 6)) return { kind: 'tell', friend };
    return null;
  }
}

const plain = (text: string, color: string = colors.text, bold = true): Line => ({ text, color, bold });

/** What became of the score: never "New best!" before the stored best was read. */
function bestLine(run: RunOutcome | null): Line | null {
  if (run === null) return null;
  switch (run.phase) {
    case 'checking':
      return plain('Checking your best…', colors.muted, false);
    case 'saving':
      return plain('New best! Saving…', colors.rankTop);
    case 'saved':
      return plain('New best! Saved ✓', colors.rankTop);
    case 'kept':
      return plain(`Your best: ${formatScore(run.previousBest ?? run.score)}`, colors.muted, false);
    // TikTok's cloud did not answer or refused the write: the keeper tries again with a backoff. Whether
    // the phone is offline, the context cannot tell, so it promises no more than the retry.
    case 'offline':
      return run.newBest === true
        ? plain('New best! Not saved yet · trying again', colors.rankTop)
        : plain('Score not saved yet · trying again', colors.muted, false);
  }
}

function friendLines(model: NoticeModel, room: number): Line[] {
  if (model.state === 'loading' || model.state === 'idle')
    return [plain('Checking your friends…', colors.muted, false)];
  if (model.state === 'error') {
    return model.problem === 'unauthorized'
      ? [plain('Allow friend access to see who you beat', colors.muted, false)]
      : [plain('Couldn’t check friends · tap to retry', colors.muted, false)];
  }
  if (model.surpass === null) return [];
  if (model.friendCount === 0) return [plain('No friends play yet · invite one!', colors.muted, false)];

  const { passed, nextToBeat } = model.surpass;
  // The last line always says where you stand now; passes share the rest, the overflow summed up.
  const passRoom = Math.max(1, room - 1);
  const lines: Line[] = [];
  const shown = passed.length > passRoom ? passRoom - 1 : passed.length;
  for (const friend of passed.slice(0, shown)) {
    lines.push({ ...plain(`You passed ${friend.name}!`), tell: friend });
  }
  const rest = passed.length - shown;
  const friends = rest === 1 ? 'friend' : 'friends';
  if (rest > 0)
    lines.push(plain(shown === 0 ? `You passed ${rest} ${friends}!` : `+${rest} more ${friends} passed!`));
  lines.push(
    nextToBeat === null
      ? plain('You’re top of your friends!', colors.rankTop)
      : plain(
          `${formatScore(nextToBeat.pointsNeeded)} points to beat ${nextToBeat.friend.name}`,
          colors.rankTop,
        ),
  );
  return lines.slice(0, room);
}
