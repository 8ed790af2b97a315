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
import { authorizationProblem, isUnreachable } from '../platform/index';

/** `canIUse` and `openSetting` are optional: without them the game has no settings page to open. */
export type FriendBoardPlatform = Pick<GamePlatform, 'authorizeOpenContext'> &
  Partial<Pick<GamePlatform, 'canIUse' | 'openSetting'>>;

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

/**
 * Outcomes the platform will not change by asking again: only the player, in its settings, can. A
 * refusal is one: the platform does not show its prompt again after "Don't allow".
 */
export const needsSettings = (outcome: FriendBoardOutcome['kind']): boolean =>
  outcome === 'declined' || outcome === 'turned-off' || outcome === 'partly-granted';

export function createFriendBoardFlow({ platform, explain, onAuthorizationCode }: FriendBoardDeps) {
  let status: AuthorizationStatus = 'unknown';

  /** The silent check: authorized, not granted yet, or an error that decides nothing. */
  async function check(passCode: boolean): Promise<{ status: AuthorizationStatus; error?: unknown }> {
    try {
      const { code } = await platform.authorizeOpenContext({ statusOnly: true });
      if (passCode) onAuthorizationCode?.(code);
      status = 'authorized';
    } catch (error) {
      // A code TikTok has not documented decides nothing either way, so the player is asked: the
      // explanation and the prompt still work where the silent check speaks a code we do not know.
      const unreachable = authorizationProblem(error) === 'failed' && isUnreachable(error);
      status = unreachable ? 'unknown' : 'not-granted';
      return { status, error };
    }
    return { status };
  }

  async function open(): Promise<FriendBoardOutcome> {
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
  }

  function canOpenSettings(): boolean {
    return platform.openSetting !== undefined && platform.canIUse?.('openSetting') === true;
  }

  return {
    /** Whether the last check or prompt granted both scopes. */
    isAuthorized: (): boolean => status === 'authorized',

    /** A silent status check (never any UI), e.g. at launch, so the results screen knows what to show. */
    async refreshStatus(): Promise<AuthorizationStatus> {
      return (await check(false)).status;
    },

    /** Runs the whole flow; never throws. */
    open,

    /**
     * Whether the platform has a settings page the game can open for the player (Douyin documents
     * `openSetting`; TikTok does not, so this is asked of the runtime with `canIUse`).
     */
    canOpenSettings,

    /**
     * The alternative's second button. After a refusal the platform will not ask again, so where it has a
     * settings page the game opens it first; then the flow runs again: the page may have granted access,
     * or switched a refused scope back on, which the platform then asks for once more. Never throws.
     */
    async retry(previous: FriendBoardOutcome['kind']): Promise<FriendBoardOutcome> {
      if (needsSettings(previous) && canOpenSettings()) {
        try {
          await platform.openSetting?.();
        } catch (error) {
          return { kind: 'failed', reason: reasonOf(error) };
        }
      }
      return open();
    },
  };
}

export type FriendBoardFlow = ReturnType<typeof createFriendBoardFlow>;
