/**
 * The "View Friend Leaderboard" flow from TikTok's guide, engine-free so both editions share it:
 *
 * 1. a silent `authorizeOpenContext({statusOnly: true})` check, so a player who already agreed never
 *    sees a prompt again;
 * 2. only when a scope is missing, the game's own short explanation of why (the guide's "clear value
 *    proposition"), and the platform prompt only if the player goes on;
 * 3. the authorization code goes to the game server (profile: name and avatar for the global board).
 *
 * Every way it can end is an outcome with its own cause, never an error: the player said "Not now",
 * refused, allowed only one of the two scopes, or the platform failed before anything was decided. A
 * failure is never reported as a refusal (causes are read from error codes, never from messages).
 */
import type { GamePlatform } from '../platform/index';
import { authorizationProblem } from '../platform/index';

export type FriendBoardPlatform = Pick<GamePlatform, 'authorizeOpenContext'>;

export type FriendBoardOutcome =
  | { readonly kind: 'authorized'; readonly prompted: boolean }
  /** The player chose "Not now" on the explanation, before any platform prompt. */
  | { readonly kind: 'not-now' }
  /** The player refused the platform prompt. */
  | { readonly kind: 'declined' }
  /** The player allowed one scope (kept by the platform) and refused the other. */
  | { readonly kind: 'partly-granted' }
  /** Refused earlier: the platform will not ask again until the player turns it back on in settings. */
  | { readonly kind: 'turned-off' }
  /** The platform failed or did not answer: nothing was decided, try again later. */
  | { readonly kind: 'failed'; readonly reason: string };

/** What the game knows about the player's authorization, without asking them. */
export type AuthorizationStatus = 'authorized' | 'not-granted' | 'unknown';

export interface FriendBoardDeps {
  platform: FriendBoardPlatform;
  /** Shows why the game asks and resolves true when the player wants to go on. */
  explain: () => Promise<boolean>;
  /** Receives each authorization code (one-time, short-lived): hand it to the game server. */
  onAuthorizationCode?: (code: string) => void;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createFriendBoardFlow({ platform, explain, onAuthorizationCode }: FriendBoardDeps) {
  let status: AuthorizationStatus = 'unknown';

  /** The silent check: authorized, not granted yet, or an error that decides nothing. */
  async function check(passCode: boolean): Promise<{ status: AuthorizationStatus; error?: unknown }> {
    try {
      const { code } = await platform.authorizeOpenContext({ statusOnly: true });
      if (passCode) onAuthorizationCode?.(code);
      status = 'authorized';
    } catch (error) {
      status = authorizationProblem(error) === 'failed' ? 'unknown' : 'not-granted';
      return { status, error };
    }
    return { status };
  }

  return {
    /** Whether the last check or prompt granted both scopes. */
    isAuthorized: (): boolean => status === 'authorized',

    /** A silent status check (never any UI), e.g. at launch, so the results screen knows what to show. */
    async refreshStatus(): Promise<AuthorizationStatus> {
      return (await check(false)).status;
    },

    /** Runs the whole flow; never throws. */
    async open(): Promise<FriendBoardOutcome> {
      const checked = await check(true);
      if (checked.status === 'authorized') return { kind: 'authorized', prompted: false };
      if (checked.status === 'unknown') return { kind: 'failed', reason: reasonOf(checked.error) };
      // Refused earlier: the platform will not ask, so explaining and prompting would lead nowhere.
      if (authorizationProblem(checked.error) === 'turned-off') return { kind: 'turned-off' };
      if (!(await explain())) return { kind: 'not-now' };
      try {
        const { code } = await platform.authorizeOpenContext({ statusOnly: false });
        onAuthorizationCode?.(code);
        status = 'authorized';
        return { kind: 'authorized', prompted: true };
      } catch (error) {
        switch (authorizationProblem(error)) {
          case 'declined':
          case 'not-granted':
            return { kind: 'declined' };
          case 'partly-granted':
            return { kind: 'partly-granted' };
          case 'turned-off':
            return { kind: 'turned-off' };
          case 'failed':
            return { kind: 'failed', reason: reasonOf(error) };
        }
      }
    },
  };
}

export type FriendBoardFlow = ReturnType<typeof createFriendBoardFlow>;
