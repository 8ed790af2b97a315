/**
 * The play screen: the game draws the whole viewport through the Painter; the shell adds its pause
 * button in the top-right corner, and the scrim with resume and quit while paused.
 */
import type { PlayContent } from '../../assets/scripts/shell/index';
import { canvasPainter } from '../painter';
import type { LayoutOf } from '../screen';
import { colors } from '../theme';
import { type Button, drawText, place } from '../ui';

export const layoutPlay: LayoutOf<'play'> = (content: PlayContent, view) => {
  const { width, height } = view;
  const area = { x: 0, y: 0, width, height };
  const [first, second] = content.buttons;
  const buttons: Button[] = [];
  if (content.pausedTitle === null && first) {
    buttons.push(place(first, { x: width - 56, y: 12, width: 44, height: 40 }));
  } else if (first && second) {
    const w = Math.min(260, width - 60);
    const x = (width - w) / 2;
    buttons.push(
      place(first, { x, y: height / 2 - 10, width: w, height: 52 }),
      place(second, { x, y: height / 2 + 54, width: w, height: 48 }),
    );
  }
  return {
    buttons,
    contextRect: null,
    playArea: area,
    draw(ctx) {
      content.play.draw(canvasPainter(ctx), area);
      if (content.pausedTitle !== null) {
        ctx.fillStyle = colors.scrim;
        ctx.fillRect(0, 0, width, height);
        drawText(ctx, content.pausedTitle, width / 2, height / 2 - 60, {
          size: 30,
          weight: 800,
          align: 'center',
        });
      }
    },
  };
};
