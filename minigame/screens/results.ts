/**
 * Level end: the score, "New best!" only when it is one, the open data context's "beat your friend"
 * notice (when the player has authorized the friend board), and the next steps.
 */
import { LEVEL_COUNT } from '../../assets/scripts/core/index';
import type { App } from '../app';
import type { Screen } from '../screen';
import type { LevelResult } from '../testHook';
import { colors } from '../theme';
import { type Button, column, drawBackdrop, drawText, type Rect, roundRect } from '../ui';
import { showContextView, socialButtons } from './social';

const NOTICE_HEIGHT = 76;

export function resultsScreen(app: App, result: LevelResult, stars: number): Screen {
  const { width, height } = app.view;
  const col = column(width);
  const hasNext = result.completed && result.level < LEVEL_COUNT;
  const top = Math.max(40, height * 0.08);
  const noticeRect: Rect = { x: col.x, y: top + 196, width: col.width, height: NOTICE_HEIGHT };

  const showNotice = (): void => {
    if (!app.services.friendBoard.isAuthorized()) return;
    showContextView(app, 'notice', noticeRect);
  };

  const buttons = (): Button[] => {
    const rowHeight = 48;
    const gap = 12;
    const half = (col.width - gap) / 2;
    const bottom = height - 24;
    const shareY = bottom - rowHeight;
    const friendY = shareY - gap - rowHeight;
    const mainY = friendY - gap - 56;
    const main: Button = hasNext
      ? {
          id: 'next',
          label: `Next: level ${result.level + 1}`,
          rect: { x: col.x, y: mainY, width: half, height: 56 },
          style: 'primary',
          onTap: () => app.play(result.level + 1),
        }
      : {
          id: 'retry',
          label: 'Play again',
          rect: { x: col.x, y: mainY, width: half, height: 56 },
          style: 'primary',
          onTap: () => app.play(result.level),
        };
    return [
      main,
      {
        id: 'menu',
        label: 'Menu',
        rect: { x: col.x + half + gap, y: mainY, width: half, height: 56 },
        style: 'secondary',
        onTap: () => app.toMenu(),
      },
      ...socialButtons(app, 'results', () => resultsScreen(app, result, stars), {
        x: col.x,
        width: col.width,
        friendY,
        shareY,
        rowHeight,
        gap,
      }),
    ];
  };

  return {
    name: 'results',
    enter() {
      app.services.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'results' });
      showNotice();
    },
    update() {
      // Authorization may be learned after the screen opened (the launch check is asynchronous).
      if (!app.services.surface.current()) showNotice();
    },
    leave() {
      app.services.surface.hide();
    },
    buttons,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      const title = result.completed ? `Level ${result.level} complete!` : 'Out of lives';
      drawText(ctx, title, width / 2, top + 10, {
        size: 26,
        weight: 800,
        align: 'center',
        color: result.completed ? colors.success : colors.failure,
        maxWidth: col.width,
      });
      drawText(ctx, String(result.score), width / 2, top + 70, { size: 56, weight: 800, align: 'center' });
      drawText(ctx, `${stars} stars caught`, width / 2, top + 112, {
        size: 15,
        align: 'center',
        color: colors.muted,
      });
      if (result.newBest) {
        const badge = { x: width / 2 - 70, y: top + 132, width: 140, height: 34 };
        roundRect(ctx, badge, 17);
        ctx.fillStyle = colors.gold;
        ctx.fill();
        drawText(ctx, 'New best!', width / 2, badge.y + 17, {
          size: 17,
          weight: 800,
          align: 'center',
          color: '#2a1d00',
        });
      } else if (result.previousBest !== null) {
        drawText(ctx, `Best ${result.previousBest}`, width / 2, top + 149, {
          size: 17,
          weight: 700,
          align: 'center',
          color: colors.gold,
        });
      }
      if (!app.services.surface.current()) {
        roundRect(ctx, noticeRect, 12);
        ctx.fillStyle = 'rgba(255,255,255,0.04)';
        ctx.fill();
        drawText(ctx, 'See how you rank among your friends', width / 2, noticeRect.y + NOTICE_HEIGHT / 2, {
          size: 14,
          align: 'center',
          color: colors.muted,
          maxWidth: col.width - 24,
        });
      }
    },
  };
}
