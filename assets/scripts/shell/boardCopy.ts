/**
 * The words the game says when something did not go as hoped, in one place for both editions: why the
 * friends board is not shown, why the global board failed, where a run stands. Each cause has its own
 * words and next step; a failure is never called a refusal.
 */
import { type FriendBoardOutcome, needsSettings } from './friendBoard';
import type { RunDelivery } from './runOutbox';
import type { ServerProblem } from './serverClient';

/** Each reason the friends board is not shown has its own words: a failure is never called a refusal. */
export const FRIENDS_ALTERNATIVE_COPY: Record<Exclude<FriendBoardOutcome['kind'], 'authorized'>, Copy> = {
  'not-now': {
    title: 'No problem!',
    body: 'The friends board needs your permission to see who you play with. Meanwhile, see how you do against everyone.',
  },
  declined: {
    title: 'No problem!',
    body: 'Without permission to see who you play with, there is no friends board. You can allow it any time with Try again.',
  },
  'partly-granted': {
    title: 'Almost there',
    body: 'The friends board needs both your profile and your friend list, and you allowed only one. Turn the other on in the game’s settings (··· menu, Settings), then check again.',
  },
  'turned-off': {
    title: 'Friend access is off',
    body: 'You said no earlier, so TikTok won’t ask again. To turn it back on, open the ··· menu at the top right, choose Settings, and allow your profile and friend list.',
  },
  failed: {
    title: 'Couldn’t reach TikTok',
    body: 'TikTok did not answer, so nothing was asked or changed. Check your connection and try again.',
  },
};

export const GLOBAL_FAILURE_COPY: Record<ServerProblem, Copy> = {
  login: {
    title: 'Couldn’t sign in',
    body: 'TikTok login failed, so the game server cannot tell who you are. Try again in a moment.',
  },
  unreachable: { title: 'Offline', body: 'The game server cannot be reached. Check your connection.' },
  refused: {
    title: 'Server trouble',
    body: 'The game server answered with an error. Try again in a moment.',
  },
  unexpected: {
    title: 'Server trouble',
    body: 'The game server’s answer could not be read. Try again later.',
  },
};

/** Where the platform has a settings page the game can open, the words point at its button instead. */
const WITH_SETTINGS_PAGE: Record<'turned-off' | 'partly-granted', Copy> = {
  'turned-off': {
    title: 'Friend access is off',
    body: 'You said no earlier, so TikTok won’t ask again. Open settings and allow your profile and friend list.',
  },
  'partly-granted': {
    title: 'Almost there',
    body: 'The friends board needs both your profile and your friend list, and you allowed only one. Open settings to turn the other on.',
  },
};

/** Why the friends board is not shown, and what to do about it. */
export function friendsAlternativeCopy(
  outcome: Exclude<FriendBoardOutcome['kind'], 'authorized'>,
  canOpenSettings: boolean,
): Copy {
  if (canOpenSettings && (outcome === 'turned-off' || outcome === 'partly-granted'))
    return WITH_SETTINGS_PAGE[outcome];
  return FRIENDS_ALTERNATIVE_COPY[outcome];
}

/**
 * The alternative's second button: a plain retry; or, after a refusal, the platform's settings page when
 * the game can open it, else a check once the player changed the setting where the words said.
 */
export function retryLabel(outcome: FriendBoardOutcome['kind'], canOpenSettings: boolean): string {
  if (!needsSettings(outcome)) return 'Try again';
  return canOpenSettings ? 'Open settings' : 'I turned it on';
}

export interface Copy {
  readonly title: string;
  readonly body: string;
}

/** The results screen's line on where the run stands on its way to the global board. */
export function deliveryText(delivery: RunDelivery | null): string {
  switch (delivery?.kind) {
    case undefined:
    case 'saving':
      return 'Global board: saving…';
    case 'saved':
      return 'Global board: saved ✓';
    case 'waiting':
      return 'Global board: will save when you’re online';
    case 'refused':
      return 'Global board: the server did not accept this run';
    case 'unsent':
      return 'Global board: played offline, can’t be sent';
  }
}
