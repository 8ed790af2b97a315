/**
 * Level end: the score, then the open data context's notice (only it can read the stored best, so only
 * it may say "New best!", and whether the cloud save is done; then who you passed among your friends),
 * where the run stands on its way to the global board, and the next steps.
 */
import { LEVEL_COUNT } from '../../assets/scripts/core/index';
import { deliveryText, type FinishedLevel } from '../../assets/scripts/shell/index';
import type { Screen } from '../screen';
import type { ScreenContext } from '../screenContext';
import { showContextView, socialButtons } from '../social';
import { colors } from '../theme';
import { type Button, column, drawBackdrop, drawText, type Rect } from '../ui';

// Four 25 px lines: what became of the score, then up to three about friends.
const NOTICE_HEIGHT = 100;

export function resultsScreen(app: ScreenContext, result: FinishedLevel, stars: number): Screen {
  const { width, height } = app.view;
  const col = column(width);
  const hasNext = result.completed && result.level < LEVEL_COUNT;
  const top = Math.max(40, height * 0.08);
  const noticeRect: Rect = { x: col.x, y: top + 140, width: col.width, height: NOTICE_HEIGHT };

  // Sent again whenever what it carries changes (the authorization and your open id are learned
  // asynchronously at launch); the surface drops a show identical to the last.
  const showNotice = (): void => showContextView(app, 'notice', noticeRect);

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
      showNotice();
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
      const delivery = app.services.runDelivery(result.runId);
      drawText(ctx, deliveryText(delivery), width / 2, noticeRect.y + NOTICE_HEIGHT + 22, {
        size: 14,
        align: 'center',
        color: delivery?.kind === 'saved' ? colors.success : colors.muted,
        maxWidth: col.width,
      });
    },
  };
}
