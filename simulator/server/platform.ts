import { randomBytes } from 'node:crypto';
import { CONTEXT_SERVICE_APIS, GAME_SERVICE_APIS } from '../platformApis';
import { ApiError, ErrorCode, type FailResult, failResult } from './errors';
import { DEFAULT_USER, seedFixture } from './fixture';
import { type FriendDataShape, type FriendRow, shapeFriendRows } from './friendShape';
import {
  Analytics,
  CallLog,
  type Faults,
  failureRateFor,
  latencyFor,
  noFaults,
  SimClock,
} from './runtimeState';
import type { InboxCard, Store, UserRow } from './store';
import {
  type Args,
  asArgs,
  checkAnalytics,
  checkCloudData,
  checkKeyList,
  checkShareCard,
  checkTemplateType,
  MAX_KEYS_PER_USER,
  optionalBoolean,
  requiredText,
  type ShareCard,
} from './validate';

/** Scope names are the simulator's choice (the guide names the permissions, not the strings). */
export const SCOPE_PROFILE = 'user.info.basic';
export const SCOPE_FRIENDS = 'user.friends.mutual';
/** Carried by login codes: identifies the player, nothing more. */
export const SCOPE_OPENID = 'user.openid';
export const OPEN_CONTEXT_SCOPES = [SCOPE_PROFILE, SCOPE_FRIENDS] as const;
export const CODE_TTL_MS = 5 * 60_000;

export type Domain = 'game' | 'context';

const gameApis: readonly string[] = GAME_SERVICE_APIS;
const contextApis: readonly string[] = CONTEXT_SERVICE_APIS;
export const serverApis = new Set([...gameApis, ...contextApis]);

export function domainOf(api: string): Domain | 'both' | undefined {
  const inGame = gameApis.includes(api);
  const inContext = contextApis.includes(api);
  if (inGame && inContext) return 'both';
  return inGame ? 'game' : inContext ? 'context' : undefined;
}

export function wrongDomainReason(api: string, domain: Domain): string {
  return `${api} is only available in the ${domain === 'game' ? 'game domain' : 'open data context'}`;
}

export interface Contact {
  open_id: string;
  display_name: string;
  avatar_url: string;
}

/** What a platform call answers: a result, a failure, or a question for the player (Main Frame UI). */
export type Outcome =
  | { kind: 'ok'; result: Record<string, unknown> }
  | { kind: 'fail'; fail: FailResult }
  | { kind: 'consent'; ticket: string; scopes: string[] }
  | { kind: 'contacts'; ticket: string; contacts: Contact[] }
  | { kind: 'settings'; ticket: string; scopes: SettingRow[] };

/** One row of the settings page: a scope the game asked for, and whether it is allowed now. */
export interface SettingRow {
  scope: string;
  allowed: boolean;
}

interface PendingConsent {
  openId: string;
  scopes: string[];
}

interface PendingShare {
  openId: string;
  card: ShareCard;
}

export interface LaunchOptions {
  query: Record<string, string>;
  scene: string;
}

export interface PlatformOptions {
  store: Store;
  mainOrigin: string;
  clock?: SimClock;
  /** The shape getFriendCloudStorage answers in after start and after every reset. */
  friendDataShape?: FriendDataShape;
}

const newSecret = (bytes = 18) => randomBytes(bytes).toString('base64url');

export class Platform {
  readonly store: Store;
  readonly clock: SimClock;
  readonly mainOrigin: string;
  faults: Faults = noFaults();
  analytics = new Analytics();
  log = new CallLog();
  launch: LaunchOptions = { query: {}, scene: 'home' };
  friendDataShape: FriendDataShape;
  private readonly startShape: FriendDataShape;
  private consents = new Map<string, PendingConsent>();
  private shares = new Map<string, PendingShare>();
  private settingsPages = new Map<string, { openId: string; scopes: SettingRow[] }>();

  constructor(options: PlatformOptions) {
    this.store = options.store;
    this.clock = options.clock ?? new SimClock();
    this.mainOrigin = options.mainOrigin;
    this.startShape = options.friendDataShape ?? 'guide';
    this.friendDataShape = this.startShape;
    if (this.store.isEmpty()) seedFixture(this.store);
  }

  /** Back to the seeded fixture; per-process state (faults, analytics, log, clock) cleared too. */
  reset(): void {
    seedFixture(this.store);
    this.faults = noFaults();
    this.analytics = new Analytics();
    this.log = new CallLog();
    this.launch = { query: {}, scene: 'home' };
    this.friendDataShape = this.startShape;
    this.clock.reset();
    this.consents.clear();
    this.shares.clear();
    this.settingsPages.clear();
  }

  activeUser(): UserRow {
    const openId = this.store.setting('activeUser') ?? DEFAULT_USER;
    return this.store.user(openId) ?? (this.store.user(DEFAULT_USER) as UserRow);
  }

  switchUser(openId: string, launch: LaunchOptions = { query: {}, scene: 'home' }): UserRow | undefined {
    const user = this.store.user(openId);
    if (!user) return undefined;
    this.store.setSetting('activeUser', openId);
    this.launch = launch;
    return user;
  }

  avatarUrl(openId: string): string {
    return `${this.mainOrigin}/avatars/${encodeURIComponent(openId)}.png`;
  }

  /** One platform API call from a frame, as the active user. Never throws. */
  async call(domain: Domain, api: string, rawArgs: unknown): Promise<Outcome> {
    const user = this.activeUser();
    const outcome = await this.run(domain, api, rawArgs, user.open_id);
    this.log.add({
      at: this.clock.now(),
      openId: user.open_id,
      domain,
      api,
      args: rawArgs,
      ok: outcome.kind !== 'fail',
      result:
        outcome.kind === 'ok'
          ? outcome.result
          : outcome.kind === 'fail'
            ? outcome.fail
            : { waitingFor: outcome.kind },
    });
    return outcome;
  }

  private async run(domain: Domain, api: string, rawArgs: unknown, openId: string): Promise<Outcome> {
    try {
      const home = domainOf(api);
      if (home === undefined) throw new ApiError(ErrorCode.invalidArgument, `unknown API ${api}`);
      if (home !== 'both' && home !== domain)
        throw new ApiError(ErrorCode.wrongDomain, wrongDomainReason(api, home));
      const args = asArgs(rawArgs);
      const latency = latencyFor(this.faults, api);
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      if (Math.random() < failureRateFor(this.faults, api)) {
        throw new ApiError(ErrorCode.injectedFault, 'injected fault (simulator devtools)');
      }
      return this.dispatch(api, args, openId);
    } catch (error) {
      if (error instanceof ApiError) return { kind: 'fail', fail: failResult(api, error.code, error.reason) };
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'fail', fail: failResult(api, ErrorCode.internal, `internal error: ${reason}`) };
    }
  }

  private dispatch(api: string, args: Args, openId: string): Outcome {
    const ok = (result: Record<string, unknown> = {}): Outcome => ({
      kind: 'ok',
      result: { errMsg: `${api}:ok`, ...result },
    });
    switch (api) {
      case 'login':
        return ok({ code: this.issueCode(openId, [SCOPE_OPENID]) });
      case 'authorizeOpenContext':
        return this.authorize(openId, optionalBoolean(args, 'get_status_only'));
      case 'setUserCloudStorage':
        this.setCloud(openId, args);
        return ok();
      case 'removeUserCloudStorage': {
        const keys = checkKeyList(args, false);
        this.store.removeCloud(openId, keys);
        return ok();
      }
      case 'getUserCloudStorage': {
        const keys = checkKeyList(args, true);
        return ok({ data: this.store.cloud(openId).filter((item) => keys.includes(item.key)) });
      }
      case 'getFriendCloudStorage': {
        const data = shapeFriendRows(
          this.friendCloud(openId, checkKeyList(args, true)),
          this.friendDataShape,
        );
        return ok(this.friendDataShape === 'guide' ? { data, status_code: 0, status_msg: 'ok' } : { data });
      }
      case 'shareToUser':
        this.shareToUser(openId, args);
        return ok();
      case 'shareAppMessage': {
        // TikTok's SDK Sharing page: imageUrl and title optional (the platform's configured card fills in).
        const card = checkShareCard(args, {
          imageRequired: false,
          defaultImageUrl: this.defaultShareImage(),
        });
        const ticket = newSecret(9);
        this.shares.set(ticket, { openId, card });
        return { kind: 'contacts', ticket, contacts: this.contacts(openId) };
      }
      case 'openSetting': {
        const scopes = this.settingRows(openId);
        const ticket = newSecret(9);
        this.settingsPages.set(ticket, { openId, scopes });
        return { kind: 'settings', ticket, scopes };
      }
      case 'shareToStory':
        checkTemplateType(args);
        this.store.insertStory(openId, this.clock.now());
        return ok();
      case 'reportAnalytics': {
        const { eventName, data } = checkAnalytics(args);
        this.analytics.record(eventName, data);
        return ok();
      }
      default:
        throw new ApiError(ErrorCode.invalidArgument, `unknown API ${api}`);
    }
  }

  private setCloud(openId: string, args: Args): void {
    const items = checkCloudData(args);
    const keys = this.store.cloudKeys(openId);
    for (const item of items) keys.add(item.key);
    if (keys.size > MAX_KEYS_PER_USER) {
      throw new ApiError(
        ErrorCode.tooManyKeys,
        `more than ${MAX_KEYS_PER_USER} keys for this player (${keys.size})`,
      );
    }
    this.store.setCloud(openId, items);
  }

  private friendCloud(openId: string, keys: string[]): FriendRow[] {
    if (!this.store.grantedScopes(openId).includes(SCOPE_FRIENDS)) {
      throw new ApiError(
        ErrorCode.notAuthorized,
        `not authorized: scope ${SCOPE_FRIENDS} not granted (call authorizeOpenContext first)`,
      );
    }
    const friends = this.faults.emptyFriends
      ? []
      : this.store.friendIds(openId).filter((id) => this.store.hasPlayed(id));
    return [openId, ...friends].flatMap((id) => {
      const user = this.store.user(id);
      if (!user) return [];
      return [
        {
          open_id: user.open_id,
          user_id: user.user_id,
          display_name: user.display_name,
          avatar_url: this.avatarUrl(user.open_id),
          data: this.store.cloud(id).filter((item) => keys.includes(item.key)),
        },
      ];
    });
  }

  private contacts(openId: string): Contact[] {
    return this.store
      .friendIds(openId)
      .map((id) => this.store.user(id))
      .filter((user): user is UserRow => user !== undefined)
      .sort((a, b) => a.user_id - b.user_id)
      .map((user) => ({
        open_id: user.open_id,
        display_name: user.display_name,
        avatar_url: this.avatarUrl(user.open_id),
      }));
  }

  private defaultShareImage(): string {
    return `${this.mainOrigin}/share-images/default.png`;
  }

  private shareToUser(openId: string, args: Args): void {
    const card = checkShareCard(args, { imageRequired: true, defaultImageUrl: this.defaultShareImage() });
    const target = requiredText(args, 'openid');
    if (!this.store.user(target) || !this.store.areFriends(openId, target)) {
      throw new ApiError(
        ErrorCode.unknownOpenId,
        `unknown openid ${target}: not a mutual follower of the player`,
      );
    }
    this.deliver(openId, target, 'shareToUser', card);
  }

  private deliver(from: string, to: string, channel: InboxCard['channel'], card: ShareCard): void {
    this.store.insertCard({
      to_open_id: to,
      from_open_id: from,
      channel,
      title: card.title,
      subtitle: card.subtitle,
      image_url: card.imageUrl,
      template_type: card.templateType,
      query: card.query,
      path: card.path,
      created_at: this.clock.now(),
    });
  }

  /** The player picked contacts in the share sheet (or cancelled with none). */
  finishShare(ticket: string, openIds: unknown): Outcome {
    const pending = this.shares.get(ticket);
    this.shares.delete(ticket);
    const api = 'shareAppMessage';
    if (!pending)
      return { kind: 'fail', fail: failResult(api, ErrorCode.invalidArgument, 'share sheet expired') };
    if (!Array.isArray(openIds) || openIds.length === 0) {
      return { kind: 'fail', fail: failResult(api, ErrorCode.shareCancelled, 'cancel') };
    }
    const targets = openIds.filter(
      (id): id is string => typeof id === 'string' && this.store.areFriends(pending.openId, id),
    );
    if (targets.length !== openIds.length) {
      return {
        kind: 'fail',
        fail: failResult(api, ErrorCode.unknownOpenId, 'unknown openid in the picked contacts'),
      };
    }
    this.store.transaction(() => {
      for (const target of targets) this.deliver(pending.openId, target, 'shareAppMessage', pending.card);
    });
    return { kind: 'ok', result: { errMsg: `${api}:ok` } };
  }

  private authorize(openId: string, statusOnly: boolean): Outcome {
    const granted = this.store.grantedScopes(openId);
    const missing = OPEN_CONTEXT_SCOPES.filter((scope) => !granted.includes(scope));
    if (missing.length === 0) {
      return {
        kind: 'ok',
        result: {
          errMsg: 'authorizeOpenContext:ok',
          code: this.issueCode(openId, [SCOPE_OPENID, ...granted]),
        },
      };
    }
    // As on Douyin: a scope the player refused fails at once, without a dialog, until they turn it
    // back on in the settings page (devtools, POST /__sim/settings).
    const refused = this.store.refusedScopes(openId).filter((scope) => missing.includes(scope as never));
    if (refused.length > 0) {
      throw new ApiError(
        ErrorCode.authTurnedOff,
        `auth deny: the player refused ${refused.join(', ')} earlier; it can be turned back on in the settings page`,
      );
    }
    if (statusOnly) {
      throw new ApiError(ErrorCode.notAuthorized, `not authorized: ${missing.join(', ')} not granted`);
    }
    const ticket = newSecret(9);
    this.consents.set(ticket, { openId, scopes: missing });
    return { kind: 'consent', ticket, scopes: missing };
  }

  /**
   * The player answered the authorization dialog. Granted scopes are kept even when the player
   * declined another one; the call succeeds only when both scopes are held afterwards.
   */
  finishConsent(ticket: string, grantedRaw: unknown): Outcome {
    const api = 'authorizeOpenContext';
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
          api,
          granted.length > 0 ? ErrorCode.authPartlyGranted : ErrorCode.authDeclined,
          `auth deny: the player did not allow ${declined.join(', ')}`,
        ),
      };
    }
    return this.authorize(pending.openId, true);
  }

  /** Douyin's settings page lists only the scopes the game has asked for: granted or refused ones. */
  private settingRows(openId: string): SettingRow[] {
    const granted = this.store.grantedScopes(openId);
    const refused = this.store.refusedScopes(openId);
    return OPEN_CONTEXT_SCOPES.filter((scope) => granted.includes(scope) || refused.includes(scope)).map(
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
    return { kind: 'ok', result: { errMsg: `${api}:ok`, authSetting } };
  }

  issueCode(openId: string, scopes: readonly string[]): string {
    const code = `code-${newSecret()}`;
    this.store.insertCode({
      code,
      open_id: openId,
      scope: [...new Set(scopes)].join(','),
      created_at: this.clock.now(),
      used_at: null,
    });
    return code;
  }
}
