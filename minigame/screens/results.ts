/** Level end: the score, the open data context's notice, the run's delivery line, the next steps. */
import type { ResultsContent } from '../../assets/scripts/shell/index';
import type { LayoutOf } from '../screen';
import { GAP, placeSocialButtons } from '../social';
import { toneColors } from '../theme';
import { column, drawBackdrop, drawText, place, type Rect } from '../ui';

// Four 25 px lines: what became of the score, then up to three about friends.
const NOTICE_HEIGHT = 100;

export const layoutResults: LayoutOf<'results'> = (content: ResultsContent, view) => {
  const { width, height } = view;
  const col = column(width);
  const top = Math.max(40, height * 0.08);
  const noticeRect: Rect = { x: col.x, y: top + 140, width: col.width, height: NOTICE_HEIGHT };
  const social = placeSocialButtons(content.social, col, height - 24);
  const mainY = social.top - GAP - 56;
  const half = (col.width - GAP) / 2;
  return {
    buttons: [
      place(content.next, { x: col.x, y: mainY, width: half, height: 56 }),
      place(content.menu, { x: col.x + half + GAP, y: mainY, width: half, height: 56 }),
      ...social.buttons,
    ],
    contextRect: noticeRect,
    playArea: null,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      drawText(ctx, content.title, width / 2, top + 10, {
        size: 26,
        weight: 800,
        align: 'center',
        color: toneColors[content.titleTone],
        maxWidth: col.width,
      });
      drawText(ctx, content.score, width / 2, top + 70, { size: 56, weight: 800, align: 'center' });
      drawText(ctx, content.summary, width / 2, top + 112, {
        size: 15,
        align: 'center',
        color: toneColors.muted,
      });
      drawText(ctx, content.delivery.text, width / 2, noticeRect.y + NOTICE_HEIGHT + 22, {
        size: 14,
        align: 'center',
        color: toneColors[content.delivery.tone],
        maxWidth: col.width,
      });
    },
  };
};
