import { randomBytes } from 'node:crypto';
import { ApiError, ErrorCode, failResult } from './errors';
import { type Outcome, ok, type SettingRow } from './outcome';
import type { Store } from './store';
import { type Args, requiredText } from './validate';

/**
 * Authorization: the open data context's two scopes (`authorizeOpenContext`), TikTok's explicit
 * `authorize({scope})`, and the settings pages (`getSetting`, `openSetting`). The dialog and the settings
 * page are the Main Frame's; their answers come back through finishConsent and finishSettings.
 */

/** Avatar and nickname: TikTok's minis-user-data and explicit authorization pages name it. */
export const SCOPE_PROFILE = 'user.info.basic';
/** The friend relationship chain: the guide names the permission, not its string (an assumption). */
export const SCOPE_FRIENDS = 'user.friends.mutual';
/** Identifies the player, nothing more: what login codes carry (minis-user-data). */
export const SCOPE_OPENID = 'user.info.open_id';
export const OPEN_CONTEXT_SCOPES = [SCOPE_PROFILE, SCOPE_FRIENDS] as const;
/** What `authorize({scope})` takes: minis-user-data "only supports user.info.basic and user.info.open_id". */
export const AUTHORIZE_SCOPES = [SCOPE_PROFILE, SCOPE_OPENID] as const;
/** Scopes a settings page can list: those a player can be asked for. */
const ASKABLE_SCOPES = [SCOPE_PROFILE, SCOPE_FRIENDS] as const;

type ScopeApi = 'authorize' | 'authorizeOpenContext';

interface PendingConsent {
  openId: string;
  api: ScopeApi;
  wanted: readonly string[];
  scopes: string[];
}

const ticketOf = () => randomBytes(9).toString('base64url');

export class Authorization {
  private consents = new Map<string, PendingConsent>();
  private settingsPages = new Map<string, { openId: string; scopes: SettingRow[] }>();

  constructor(
    private readonly store: Store,
    private readonly issueCode: (openId: string, scopes: readonly string[]) => string,
  ) {}

  clear(): void {
    this.consents.clear();
    this.settingsPages.clear();
  }

  authorizeOpenContext(openId: string, statusOnly: boolean): Outcome {
    return this.request(openId, 'authorizeOpenContext', OPEN_CONTEXT_SCOPES, statusOnly);
  }

  /** `authorize({scope})`: a comma-separated list of the scopes TikTok documents for it. */
  authorize(openId: string, args: Args): Outcome {
    const wanted = requiredText(args, 'scope')
      .split(',')
      .map((scope) => scope.trim())
      .filter(Boolean);
    const unknown = wanted.filter((scope) => !(AUTHORIZE_SCOPES as readonly string[]).includes(scope));
    if (wanted.length === 0 || unknown.length > 0)
      throw new ApiError(
        ErrorCode.invalidArgument,
        `unknown scope ${unknown.join(', ') || '(none)'}: authorize takes ${AUTHORIZE_SCOPES.join(' and ')}, comma-separated`,
      );
    return this.request(openId, 'authorize', wanted, false);
  }

  /** Like WeChat's and Douyin's `getSetting`: every scope the game has asked for, and whether it is held. */
  getSetting(openId: string): Outcome {
    const rows = this.settingRows(openId);
    return ok('getSetting', { authSetting: Object.fromEntries(rows.map((row) => [row.scope, row.allowed])) });
  }

  openSetting(openId: string): Outcome {
    const scopes = this.settingRows(openId);
    const ticket = ticketOf();
    this.settingsPages.set(ticket, { openId, scopes });
    return { kind: 'settings', ticket, scopes };
  }

  /**
   * Held scopes answer with a code at once. Otherwise: a scope the player refused fails at once, without a
   * dialog, until turned back on in the settings page (as on Douyin); `statusOnly` fails without a dialog;
   * else the Main Frame asks for the missing ones.
   */
  private request(openId: string, api: ScopeApi, wanted: readonly string[], statusOnly: boolean): Outcome {
    const granted = this.store.grantedScopes(openId);
    const missing = wanted.filter((scope) => scope !== SCOPE_OPENID && !granted.includes(scope));
    if (missing.length === 0) return ok(api, { code: this.issueCode(openId, [SCOPE_OPENID, ...granted]) });
    const refused = this.store.refusedScopes(openId).filter((scope) => missing.includes(scope));
    if (refused.length > 0) {
      throw new ApiError(
        ErrorCode.authTurnedOff,
        `auth deny: the player refused ${refused.join(', ')} earlier; it can be turned back on in the settings page`,
      );
    }
    if (statusOnly)
      throw new ApiError(ErrorCode.notAuthorized, `not authorized: ${missing.join(', ')} not granted`);
    const ticket = ticketOf();
    this.consents.set(ticket, { openId, api, wanted, scopes: missing });
    return { kind: 'consent', ticket, scopes: missing };
  }

  /**
   * The player answered the authorization dialog. Granted scopes are kept even when the player declined
   * another one; the call succeeds only when every scope asked for is held afterwards.
   */
  finishConsent(ticket: string, grantedRaw: unknown, api = 'authorizeOpenContext'): Outcome {
    const pending = this.consents.get(ticket);
    this.consents.delete(ticket);
    if (!pending)
      return {
        kind: 'fail',
        fail: failResult(api, ErrorCode.invalidArgument, 'authorization dialog expired'),
      };
    const granted = Array.isArray(grantedRaw)
      ? pending.scopes.filter((scope) => grantedRaw.includes(scope))
      : [];
    this.store.grant(pending.openId, granted);
    const declined = pending.scopes.filter((scope) => !granted.includes(scope));
    this.store.refuse(pending.openId, declined);
    if (declined.length > 0) {
      return {
        kind: 'fail',
        fail: failResult(
          pending.api,
          granted.length > 0 ? ErrorCode.authPartlyGranted : ErrorCode.authDeclined,
          `auth deny: the player did not allow ${declined.join(', ')}`,
        ),
      };
    }
    try {
      return this.request(pending.openId, pending.api, pending.wanted, true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { kind: 'fail', fail: failResult(pending.api, error.code, error.reason) };
    }
  }

  /** The settings page lists only the scopes the game has asked for: granted or refused ones (Douyin). */
  private settingRows(openId: string): SettingRow[] {
    const granted = this.store.grantedScopes(openId);
    const refused = this.store.refusedScopes(openId);
    return ASKABLE_SCOPES.filter((scope) => granted.includes(scope) || refused.includes(scope)).map(
      (scope) => ({ scope, allowed: granted.includes(scope) }),
    );
  }

  /**
   * The player closed the settings page (`tt.openSetting`). A refused scope switched on may be asked for
   * again (nothing is granted until the player allows it in the dialog), a granted one switched off is
   * withdrawn and counts as a refusal: the same as the devtools' settings and POST /__sim/settings.
   */
  finishSettings(ticket: string, allowedRaw: unknown): Outcome {
    const api = 'openSetting';
    const page = this.settingsPages.get(ticket);
    this.settingsPages.delete(ticket);
    if (!page)
      return { kind: 'fail', fail: failResult(api, ErrorCode.invalidArgument, 'settings page expired') };
    const allowed =
      typeof allowedRaw === 'object' && allowedRaw !== null ? (allowedRaw as Record<string, unknown>) : {};
    for (const { scope, allowed: before } of page.scopes) {
      const after = allowed[scope] === true;
      if (after === before) continue;
      if (after) this.store.allowAsking(page.openId, [scope]);
      else this.store.refuse(page.openId, [scope]);
    }
    const granted = this.store.grantedScopes(page.openId);
    const authSetting = Object.fromEntries(page.scopes.map(({ scope }) => [scope, granted.includes(scope)]));
    return ok(api, { authSetting });
  }
}
