/** "View Friend Leaderboard" over "Invite friends" and "Share to story", placed at the bottom of a screen. */
import type { SocialButtons } from '../assets/scripts/shell/index';
import { type Button, place } from './ui';

export const ROW_HEIGHT = 48;
export const GAP = 12;

/** The three social buttons in the column, the last row `bottom` px from the top. */
export function placeSocialButtons(
  social: SocialButtons,
  column: { x: number; width: number },
  bottom: number,
): { buttons: Button[]; top: number } {
  const shareY = bottom - ROW_HEIGHT;
  const friendY = shareY - GAP - ROW_HEIGHT;
  const half = (column.width - GAP) / 2;
  return {
    top: friendY,
    buttons: [
      place(social.friendBoard, { x: column.x, y: friendY, width: column.width, height: ROW_HEIGHT }),
      place(social.invite, { x: column.x, y: shareY, width: half, height: ROW_HEIGHT }),
      place(social.story, { x: column.x + half + GAP, y: shareY, width: half, height: ROW_HEIGHT }),
    ],
  };
}
