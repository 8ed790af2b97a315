/**
 * The game's explanation before the platform's authorization prompt: what the player gets and what is
 * shared, with a real choice. Only shown when the silent status check says something is missing.
 */
import type { ConsentContent } from '../../assets/scripts/shell/index';
import type { LayoutOf } from '../screen';
import { colors } from '../theme';
import { column, drawBackdrop, drawParagraph, drawText, place, roundRect } from '../ui';

export const layoutConsent: LayoutOf<'consent'> = (content: ConsentContent, view) => {
  const { width, height } = view;
  const col = column(width);
  const panel = { x: col.x, y: Math.max(60, height / 2 - 190), width: col.width, height: 380 };
  const inner = { x: panel.x + 20, width: panel.width - 40 };
  return {
    buttons: [
      place(content.goOn, { ...inner, y: panel.y + panel.height - 128, height: 52 }),
      place(content.notNow, { ...inner, y: panel.y + panel.height - 64, height: 44 }),
    ],
    contextRect: null,
    playArea: null,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      roundRect(ctx, panel, 18);
      ctx.fillStyle = colors.panel;
      ctx.fill();
      drawText(ctx, content.title, width / 2, panel.y + 44, {
        size: 21,
        weight: 800,
        align: 'center',
        maxWidth: panel.width - 32,
      });
      drawParagraph(ctx, content.body, width / 2, panel.y + 92, panel.width - 48, {
        size: 15,
        align: 'center',
        color: colors.muted,
        lineHeight: 22,
      });
    },
  };
};
