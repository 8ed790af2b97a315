/** The social buttons and their actions, and showing the open data context, shared by the screens. */
import type { EntryPoint } from '../assets/scripts/shell/index';
import type { SurfaceView } from '../assets/scripts/social/protocol';
import type { Screen } from './screen';
import type { ScreenContext } from './screenContext';
import type { Button, Rect } from './ui';

export interface SocialButtonsPlace {
  x: number;
  width: number;
  friendY: number;
  shareY: number;
  rowHeight: number;
  gap: number;
}

/**
 * "View Friend Leaderboard" over "Invite friends" and "Share to story": the same three buttons, with the
 * same ids, wherever the game offers them; `entryPoint` keeps the click-through metrics apart.
 */
export function socialButtons(
  app: ScreenContext,
  entryPoint: EntryPoint,
  back: () => Screen,
  place: SocialButtonsPlace,
): Button[] {
  const { x, width, friendY, shareY, rowHeight, gap } = place;
  const half = (width - gap) / 2;
  return [
    {
      id: 'friend-board',
      label: 'View Friend Leaderboard',
      rect: { x, y: friendY, width, height: rowHeight },
      style: 'secondary',
      onTap: () => void app.openFriendBoard(entryPoint, back),
    },
    {
      id: 'invite',
      label: 'Invite friends',
      rect: { x, y: shareY, width: half, height: rowHeight },
      style: 'quiet',
      onTap: () => void inviteFriends(app),
    },
    {
      id: 'story',
      label: 'Share to story',
      rect: { x: x + half + gap, y: shareY, width: half, height: rowHeight },
      style: 'quiet',
      onTap: () => void shareToStory(app),
    },
  ];
}

export async function inviteFriends(app: ScreenContext): Promise<void> {
  const outcome = await app.services.inviteFriends();
  app.showToast(outcome.sent ? 'Invite sent!' : 'Invite not sent');
}

export async function shareToStory(app: ScreenContext): Promise<void> {
  const outcome = await app.services.invites.shareToStory();
  app.showToast(outcome.sent ? 'Shared to your story!' : 'Story not shared');
}

/** Asks the open data context to draw `view` at `rect` (game viewport CSS px) for the signed-in player. */
export function showContextView(app: ScreenContext, view: SurfaceView, rect: Rect): void {
  app.services.surface.show({
    view,
    rect,
    viewport: { width: app.view.width, height: app.view.height },
    pixelRatio: app.view.pixelRatio,
    you: { openId: app.services.playerOpenId() },
    authorized: app.services.friendBoard.isAuthorized(),
  });
}
