/**
 * The "View Friend Leaderboard" flow from TikTok's guide, engine-free so both editions share it:
 *
 * 1. a silent `authorizeOpenContext({statusOnly: true})` check, so a player who already agreed never
 *    sees a prompt again;
 * 2. only when something is missing, the game's own short explanation of why (the guide's "clear value
 *    proposition"), and the platform prompt only if the player goes on;
 * 3. the authorization code goes to the game server (profile: name and avatar for the global board).
 *
 * The caller then shows the board surface (see contextSurface.ts). A decline is an outcome, not an
 * error: the caller offers the global board and a retry.
 */
import type { GamePlatform } from '../platform/index';
import { PlatformError } from '../platform/index';

export type FriendBoardPlatform = Pick<GamePlatform, 'authorizeOpenContext'>;

export type FriendBoardOutcome =
  | { readonly kind: 'authorized'; readonly prompted: boolean }
  /** The player chose "Not now" on the explanation, before any platform prompt. */
  | { readonly kind: 'not-now' }
  | { readonly kind: 'declined'; readonly reason: string };

export interface FriendBoardDeps {
  platform: FriendBoardPlatform;
  /** Shows why the game asks and resolves true when the player wants to go on. */
  explain: () => Promise<boolean>;
  /** Receives each authorization code (one-time, short-lived): hand it to the game server. */
  onAuthorizationCode?: (code: string) => void;
}

export function createFriendBoardFlow({ platform, explain, onAuthorizationCode }: FriendBoardDeps) {
  let authorized = false;

  async function statusCheck(): Promise<boolean> {
    try {
      const { code } = await platform.authorizeOpenContext({ statusOnly: true });
      onAuthorizationCode?.(code);
      return true;
    } catch {
      // Missing scope, or no answer: either way the player has to be asked.
      return false;
    }
  }

  return {
    /** Whether the last check or prompt granted both scopes. */
    isAuthorized: (): boolean => authorized,

    /** A silent status check (never any UI), e.g. at launch, so the results screen knows what to show. */
    async refreshStatus(): Promise<boolean> {
      try {
        await platform.authorizeOpenContext({ statusOnly: true });
        authorized = true;
      } catch {
        authorized = false;
      }
      return authorized;
    },

    /** Runs the whole flow; never throws. */
    async open(): Promise<FriendBoardOutcome> {
      if (await statusCheck()) {
        authorized = true;
        return { kind: 'authorized', prompted: false };
      }
      authorized = false;
      if (!(await explain())) return { kind: 'not-now' };
      try {
        const { code } = await platform.authorizeOpenContext({ statusOnly: false });
        onAuthorizationCode?.(code);
        authorized = true;
        return { kind: 'authorized', prompted: true };
      } catch (error) {
        const reason = error instanceof PlatformError ? error.reason : 'authorization did not complete';
        return { kind: 'declined', reason };
      }
    },
  };
}

export type FriendBoardFlow = ReturnType<typeof createFriendBoardFlow>;
