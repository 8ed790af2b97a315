/**
 * The words the game says when something did not go as hoped, in one place for both editions: why the
 * friends board is not shown, why the global board failed, where a run stands. Each cause has its own
 * words and next step; a failure is never called a refusal.
 */
import type { FriendBoardOutcome } from './friendBoard';
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

/** The alternative's second button: a plain retry, or a check once the player changed a setting. */
export function retryLabel(outcome: FriendBoardOutcome['kind']): string {
  return outcome === 'turned-off' || outcome === 'partly-granted' ? 'I turned it on' : 'Try again';
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
