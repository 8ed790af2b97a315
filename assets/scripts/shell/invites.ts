/**
 * "Invite friends" (a direct-message card through `shareAppMessage`) and "Share to story". The card's
 * query names the inviter and the score to beat (social/challenge.ts); the game it opens greets with it.
 */
import type { GameWords } from '../games/contract';
import type { GamePlatform } from '../platform/index';
import { challengeQuery } from '../social/challenge';
import { inviteCard } from '../social/shareCard';
import type { Analytics } from './analytics';
import { SHARE_IMAGE_URL } from './config';

export type InvitePlatform = Pick<GamePlatform, 'shareAppMessage' | 'shareToStory'> &
  Partial<Pick<GamePlatform, 'canIUse'>>;

export type ShareOutcome = { readonly sent: true } | { readonly sent: false; readonly reason: string };

export interface Inviter {
  readonly displayName: string | null;
  readonly openId: string | null;
  /** The score the friend has to beat: the inviter's best, or null before any level end. */
  readonly best: number | null;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : 'share failed');

export function createInvites(
  platform: InvitePlatform,
  analytics: Pick<Analytics, 'track'>,
  words: Pick<GameWords, 'name' | 'inviteLine'>,
) {
  return {
    /**
     * Whether this TikTok can send a direct message card: TikTok 40.3.0 or later, asked with `canIUse`
     * as its Direct Message Sharing page says. A runtime without `canIUse` is asked nothing.
     */
    canInvite(): boolean {
      return platform.canIUse?.('shareAppMessage') ?? true;
    },

    async inviteFriends(inviter: Inviter): Promise<ShareOutcome> {
      try {
        // TikTok shows the card title and image configured for the game and ignores these two (Douyin
        // uses them); what the card must say travels in `query` and the receiver's game greets with it.
        await platform.shareAppMessage({
          ...inviteCard(inviter.best, words),
          imageUrl: SHARE_IMAGE_URL,
          templateType: 1,
          query: challengeQuery(inviter.displayName, inviter.openId, inviter.best),
        });
      } catch (error) {
        return { sent: false, reason: reasonOf(error) };
      }
      analytics.track({ name: 'invite_sent', channel: 'share_app_message' });
      return { sent: true };
    },

    async shareToStory(): Promise<ShareOutcome> {
      try {
        await platform.shareToStory();
      } catch (error) {
        return { sent: false, reason: reasonOf(error) };
      }
      analytics.track({ name: 'invite_sent', channel: 'share_to_story' });
      return { sent: true };
    },
  };
}

export type Invites = ReturnType<typeof createInvites>;
