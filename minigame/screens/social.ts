/** The share buttons' actions, shared by the menu, results and leaderboard screens. */
import type { App } from '../app.js';

export async function inviteFriends(app: App): Promise<void> {
  const outcome = await app.services.invites.inviteFriends({
    displayName: app.services.displayName(),
    openId: app.services.server.session()?.openId ?? null,
    best: app.services.saver.knownBest(),
  });
  app.showToast(outcome.sent ? 'Invite sent!' : 'Invite not sent');
}

export async function shareToStory(app: App): Promise<void> {
  const outcome = await app.services.invites.shareToStory();
  app.showToast(outcome.sent ? 'Shared to your story!' : 'Story not shared');
}
