import type { EntryPoint } from '../analytics';
import { button, type SocialButtons } from './content';

/** The same three buttons, with the same ids, wherever offered; `entryPoint` keeps their metrics apart. */
export function socialButtons(entryPoint: EntryPoint): SocialButtons {
  return {
    friendBoard: button('friend-board', 'View Friend Leaderboard', { kind: 'friend-board', entryPoint }),
    invite: button('invite', 'Invite friends', { kind: 'invite' }, 'quiet'),
    story: button('story', 'Share to story', { kind: 'story' }, 'quiet'),
  };
}
