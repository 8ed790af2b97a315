/**
 * The game's explanation before the platform's authorization prompt: what the player gets and what
 * is shared, with a real choice. Only shown when the silent status check says something is missing.
 */

import { CONSENT_COPY } from '../../assets/scripts/shell/index';
import type { Screen } from '../screen';
import type { ScreenContext } from '../screenContext';
import { colors } from '../theme';
import { type Button, column, drawBackdrop, drawParagraph, drawText, roundRect } from '../ui';

export function consentScreen(app: ScreenContext, choose: (goOn: boolean) => void): Screen {
  const { width, height } = app.view;
  const col = column(width);
  const panel = { x: col.x, y: Math.max(60, height / 2 - 190), width: col.width, height: 380 };
  let answered = false;
  const answer = (goOn: boolean): void => {
    if (answered) return;
    answered = true;
    choose(goOn);
  };

  return {
    name: 'consent',
    buttons: (): Button[] => [
      {
        id: 'consent-continue',
        label: 'Continue',
        rect: { x: panel.x + 20, y: panel.y + panel.height - 128, width: panel.width - 40, height: 52 },
        style: 'primary',
        onTap: () => answer(true),
      },
      {
        id: 'consent-not-now',
        label: 'Not now',
        rect: { x: panel.x + 20, y: panel.y + panel.height - 64, width: panel.width - 40, height: 44 },
        style: 'quiet',
        onTap: () => answer(false),
      },
    ],
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      roundRect(ctx, panel, 18);
      ctx.fillStyle = colors.panel;
      ctx.fill();
      drawText(ctx, CONSENT_COPY.title, width / 2, panel.y + 44, {
        size: 21,
        weight: 800,
        align: 'center',
        maxWidth: panel.width - 32,
      });
      drawParagraph(ctx, CONSENT_COPY.body, width / 2, panel.y + 92, panel.width - 48, {
        size: 15,
        align: 'center',
        color: colors.muted,
        lineHeight: 22,
      });
    },
  };
}
