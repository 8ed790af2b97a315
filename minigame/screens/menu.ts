/** Main menu: title, level choice, play, and the social entry points (friend board, invite, story). */
import { challengeGreeting } from '../../assets/scripts/social/challenge';
import type { Screen } from '../screen';
import type { ScreenContext } from '../screenContext';
import { showContextView, socialButtons } from '../social';
import { colors } from '../theme';
import { type Button, column, drawBackdrop, drawParagraph, drawShip, drawText, roundRect } from '../ui';

export function menuScreen(app: ScreenContext): Screen {
  let selectedLevel = app.progress.unlockedLevel();
  const { width, height } = app.view;
  const col = column(width);
  const titleY = Math.max(70, height * 0.16);
  // The best score line is drawn by the open data context: only it can read the player's cloud best.
  const bestRect = { x: col.x, y: titleY + 145, width: col.width, height: 30 };

  const layout = () => {
    const bottom = height - 24;
    const rowHeight = 48;
    const gap = 12;
    const storyY = bottom - rowHeight;
    const friendY = storyY - gap - rowHeight;
    const playY = friendY - gap - 56;
    const chipsY = playY - 24 - 40;
    return { chipsY, playY, friendY, storyY, rowHeight };
  };

  const buttons = (): Button[] => {
    const { chipsY, playY, friendY, storyY, rowHeight } = layout();
    const chipGap = 8;
    const chipWidth = (col.width - chipGap * (app.progress.levelCount - 1)) / app.progress.levelCount;
    const chips: Button[] = Array.from({ length: app.progress.levelCount }, (_, index) => {
      const level = index + 1;
      return {
        id: `level-${level}`,
        label: String(level),
        rect: { x: col.x + index * (chipWidth + chipGap), y: chipsY, width: chipWidth, height: 40 },
        style: level === selectedLevel ? 'chip-on' : 'chip',
        enabled: level <= app.progress.unlockedLevel(),
        onTap: () => {
          selectedLevel = level;
        },
      };
    });
    return [
      ...chips,
      {
        id: 'play',
        label: `Play level ${selectedLevel}`,
        rect: { x: col.x, y: playY, width: col.width, height: 56 },
        style: 'primary',
        onTap: () => app.play(selectedLevel),
      },
      ...socialButtons(app, 'main_menu', () => menuScreen(app), {
        x: col.x,
        width: col.width,
        friendY,
        shareY: storyY,
        rowHeight,
        gap: 12,
      }),
    ];
  };

  return {
    name: 'menu',
    enter() {
      app.services.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'main_menu' });
      showContextView(app, 'best', bestRect);
    },
    leave() {
      app.services.surface.hide();
    },
    buttons,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      drawText(ctx, 'STAR LANES', width / 2, titleY, {
        size: 40,
        weight: 800,
        align: 'center',
        color: colors.text,
      });
      drawText(ctx, 'Dodge the rocks. Catch the stars.', width / 2, titleY + 38, {
        size: 15,
        align: 'center',
        color: colors.muted,
      });
      drawShip(ctx, width / 2, titleY + 100, 26);
      const challenge = app.services.launch().challenge;
      if (challenge) {
        const box = { x: col.x, y: titleY + 186, width: col.width, height: 64 };
        roundRect(ctx, box, 12);
        ctx.fillStyle = 'rgba(254,44,85,0.16)';
        ctx.fill();
        ctx.strokeStyle = colors.accent;
        ctx.lineWidth = 1;
        ctx.stroke();
        drawParagraph(ctx, challengeGreeting(challenge), width / 2, box.y + 22, box.width - 24, {
          size: 15,
          weight: 600,
          align: 'center',
          lineHeight: 20,
        });
      }
      drawText(ctx, 'Level', col.x, layout().chipsY - 14, { size: 13, color: colors.muted });
    },
  };
}
