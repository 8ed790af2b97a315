/** Main menu: title and emblem, the cloud best (drawn by the open data context), level choice, play, social. */
import type { MenuContent } from '../../assets/scripts/shell/index';
import { canvasPainter } from '../painter';
import type { LayoutOf } from '../screen';
import { placeSocialButtons } from '../social';
import { colors } from '../theme';
import { type Button, column, drawBackdrop, drawParagraph, drawText, place, roundRect } from '../ui';

export const layoutMenu: LayoutOf<'menu'> = (content: MenuContent, view) => {
  const { width, height } = view;
  const col = column(width);
  const titleY = Math.max(70, height * 0.16);
  const social = placeSocialButtons(content.social, col, height - 24);
  const playY = social.top - 12 - 56;
  const chipsY = playY - 24 - 40;
  const chipGap = 8;
  const chipWidth = (col.width - chipGap * (content.levels.length - 1)) / content.levels.length;
  const buttons: Button[] = [
    ...content.levels.map((chip, index) =>
      place(chip, { x: col.x + index * (chipWidth + chipGap), y: chipsY, width: chipWidth, height: 40 }),
    ),
    place(content.play, { x: col.x, y: playY, width: col.width, height: 56 }),
    ...social.buttons,
  ];
  return {
    buttons,
    // Only the open data context can read the player's cloud best, so it draws the "Best score" line.
    contextRect: { x: col.x, y: titleY + 145, width: col.width, height: 30 },
    playArea: null,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      drawText(ctx, content.title, width / 2, titleY, { size: 40, weight: 800, align: 'center' });
      drawText(ctx, content.tagline, width / 2, titleY + 38, {
        size: 15,
        align: 'center',
        color: colors.muted,
      });
      content.drawEmblem(canvasPainter(ctx), width / 2, titleY + 100, 52);
      if (content.greeting !== null) {
        const box = { x: col.x, y: titleY + 186, width: col.width, height: 64 };
        roundRect(ctx, box, 12);
        ctx.fillStyle = 'rgba(254,44,85,0.16)';
        ctx.fill();
        ctx.strokeStyle = colors.accent;
        ctx.lineWidth = 1;
        ctx.stroke();
        drawParagraph(ctx, content.greeting, width / 2, box.y + 22, box.width - 24, {
          size: 15,
          weight: 600,
          align: 'center',
          lineHeight: 20,
        });
      }
      drawText(ctx, content.levelLabel, col.x, chipsY - 14, { size: 13, color: colors.muted });
    },
  };
};
