/** The game's explanation before TikTok's authorization prompt, with a real choice. */
import { CONSENT_COPY } from '../shell/index';
import { buttonSpec, COLUMN_WIDTH, type ScreenModel, text } from './screenModel';

export function consentModel(): ScreenModel {
  return {
    name: 'consent',
    texts: [
      text(CONSENT_COPY.title, 44, 260, { bold: true }),
      text(CONSENT_COPY.body, 28, 110, { tone: 'muted', width: COLUMN_WIDTH - 40, height: 200 }),
    ],
    buttons: [
      buttonSpec(
        'consent-continue',
        'Continue',
        { x: 0, y: -80, width: COLUMN_WIDTH - 40, height: 104 },
        {
          kind: 'consent',
          goOn: true,
        },
        'primary',
      ),
      buttonSpec(
        'consent-not-now',
        'Not now',
        { x: 0, y: -200, width: COLUMN_WIDTH - 40, height: 88 },
        {
          kind: 'consent',
          goOn: false,
        },
        'quiet',
      ),
    ],
    panel: null,
    board: null,
  };
}
