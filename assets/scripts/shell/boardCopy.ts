/**
 * The words the game says when something did not go as hoped, in one place for both editions: why the
 * friends board is not shown, why the global board failed, where a run stands. Each cause has its own
 * words, and none promises what the next tap will not do: the device offline, TikTok not answering, the
 * game's own server down, a refusal. A failure is never called a refusal.
 */
import { type FriendBoardOutcome, needsSettings } from './friendBoard';
import type { RunDelivery } from './runOutbox';
import type { ServerProblem } from './serverClient';

export interface Copy {
  readonly title: string;
  readonly body: string;
}

type Alternative = Exclude<FriendBoardOutcome['kind'], 'authorized'>;

/** Each reason the friends board is not shown, where the game cannot open the platform's settings page. */
export const FRIENDS_ALTERNATIVE_COPY: Record<Alternative, Copy> = {
  'not-now': {
    title: 'No problem!',
    body: 'The friends board needs your permission to see who you play with. Meanwhile, see how you do against everyone.',
  },
  declined: {
    title: 'No friends board for now',
    body: 'You said no, so TikTok won’t ask again. To play against friends, open the ··· menu at the top right, choose Settings, allow your profile and friend list, then tap I turned it on.',
  },
  'partly-granted': {
    title: 'Almost there',
    body: 'The friends board needs both your profile and your friend list, and you allowed only one. Turn the other on in the game’s settings (··· menu, Settings), then tap I turned it on.',
  },
  'turned-off': {
    title: 'Friend access is off',
    body: 'You said no earlier, so TikTok won’t ask again. To turn it back on, open the ··· menu at the top right, choose Settings, allow your profile and friend list, then tap I turned it on.',
  },
  failed: {
    title: 'Couldn’t reach TikTok',
    body: 'TikTok did not answer, so nothing was asked or changed. The game checks again by itself.',
  },
};

/** Where the platform has a settings page the game can open, the words point at its button instead. */
const WITH_SETTINGS_PAGE: Partial<Record<Alternative, Copy>> = {
  declined: {
    title: 'No friends board for now',
    body: 'You said no, so TikTok won’t ask again. To play against friends, open settings and allow your profile and friend list.',
  },
  'turned-off': {
    title: 'Friend access is off',
    body: 'You said no earlier, so TikTok won’t ask again. Open settings and allow your profile and friend list.',
  },
  'partly-granted': {
    title: 'Almost there',
    body: 'The friends board needs both your profile and your friend list, and you allowed only one. Open settings to turn the other on.',
  },
};

const OFFLINE: Copy = {
  title: 'You’re offline',
  body: 'The friends board comes from TikTok. Connect to the internet: the game checks again by itself.',
};

/** Why the friends board is not shown, and what to do about it. */
export function friendsAlternativeCopy(
  outcome: Alternative,
  canOpenSettings: boolean,
  offline = false,
): Copy {
  if (outcome === 'failed' && offline) return OFFLINE;
  return (canOpenSettings ? WITH_SETTINGS_PAGE[outcome] : undefined) ?? FRIENDS_ALTERNATIVE_COPY[outcome];
}

/**
 * The alternative's second button: a plain retry; or, after a refusal, the platform's settings page when
 * the game can open it, else a check once the player changed the setting where the words said.
 */
export function retryLabel(outcome: FriendBoardOutcome['kind'], canOpenSettings: boolean): string {
  if (!needsSettings(outcome)) return 'Try again';
  return canOpenSettings ? 'Open settings' : 'I turned it on';
}

export const GLOBAL_FAILURE_COPY: Record<ServerProblem, Copy> = {
  offline: {
    title: 'You’re offline',
    body: 'Connect to the internet to see the global board. It loads by itself when you’re back.',
  },
  login: {
    title: 'Couldn’t reach TikTok',
    body: 'TikTok did not sign you in, so the game server cannot tell who you are. The board loads by itself once it does.',
  },
  unreachable: {
    title: 'Game server unavailable',
    body: 'You’re online, but the game’s own server is not answering. The board loads by itself when it is back.',
  },
  refused: {
    title: 'Server trouble',
    body: 'The game server answered with an error. The board tries again by itself in a moment.',
  },
  unexpected: {
    title: 'Server trouble',
    body: 'The game server’s answer could not be read. The board tries again by itself in a moment.',
  },
};

/** A run waiting for the server, by what it waits for. */
const WAITING: Record<ServerProblem, string> = {
  offline: 'Global board: will send when you’re online',
  login: 'Global board: will send once TikTok signs you in',
  unreachable: 'Global board: will send when the game server is back',
  refused: 'Global board: the server had trouble, trying again',
  unexpected: 'Global board: the server had trouble, trying again',
};

/** The results screen's line on where the run stands on its way to the global board. */
export function deliveryText(delivery: RunDelivery | null): string {
  switch (delivery?.kind) {
    case undefined:
    case 'saving':
      return 'Global board: saving…';
    case 'saved':
      return 'Global board: saved ✓';
    case 'waiting':
      return WAITING[delivery.problem];
    case 'refused':
      return 'Global board: the server did not accept this run';
  }
}
