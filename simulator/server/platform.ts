import { randomBytes } from 'node:crypto';
import { versionProblem } from '../apiSchema';
import { DEFAULT_DEVICE, type DeviceSettings } from '../device';
import { CONTEXT_SERVICE_APIS, DOUYIN_ONLY_APIS, GAME_SERVICE_APIS } from '../platformApis';
import { Authorization, SCOPE_OPENID } from './authorization';
import { CloudStorage } from './cloud';
import { ApiError, ErrorCode, failResult, TIKTOK_LOGIN_WITHOUT_LEGAL_URLS } from './errors';
import { DEFAULT_USER, seedFixture } from './fixture';
import { type Outcome, ok } from './outcome';
import {
  Analytics,
  CallLog,
  type Faults,
  failureRateFor,
  latencyFor,
  noFaults,
  SimClock,
} from './runtimeState';
import { type ShareCardConfig, Sharing } from './sharing';
import type { Store, UserRow } from './store';
import { type Args, asArgs, checkAnalytics, optionalBoolean } from './validate';

export {
  AUTHORIZE_SCOPES,
  OPEN_CONTEXT_SCOPES,
  SCOPE_FRIENDS,
  SCOPE_OPENID,
  SCOPE_PROFILE,
} from './authorization';
export type { CardPreview, Contact, Outcome, SettingRow } from './outcome';

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

export interface LaunchOptions {
  query: Record<string, string>;
  scene: string;
}

export interface PlatformOptions {
  store: Store;
  mainOrigin: string;
  clock?: SimClock;
  /** The phone after start and after every reset (platform mode, TikTok version, network). */
  device?: Partial<DeviceSettings>;
  /** The Developer Portal's share card (game.json `dev.shareCard`); the simulator's default otherwise. */
  shareCard?: Partial<ShareCardConfig>;
}

/** A status-only authorization check that found a scope missing answered its question; it did not fail. */
function isStatusAnswer(api: string, args: unknown, outcome: Outcome): boolean {
  if (api !== 'authorizeOpenContext' || outcome.kind !== 'fail') return false;
  const statusOnly = (args as { get_status_only?: unknown } | null)?.get_status_only === true;
  const code = outcome.fail.errNo;
  return statusOnly && (code === ErrorCode.notAuthorized || code === ErrorCode.authTurnedOff);
}

export class Platform {
  readonly store: Store;
  readonly clock: SimClock;
  readonly mainOrigin: string;
  faults: Faults = noFaults();
  analytics = new Analytics();
  log = new CallLog();
  launch: LaunchOptions = { query: {}, scene: 'home' };
  device: DeviceSettings;
  shareCard: ShareCardConfig;
  readonly startDevice: DeviceSettings;
  readonly configuredShareCard: ShareCardConfig;
  private readonly authorization: Authorization;
  private readonly sharing: Sharing;
  private readonly cloud: CloudStorage;

  constructor(options: PlatformOptions) {
    this.store = options.store;
    this.clock = options.clock ?? new SimClock();
    this.mainOrigin = options.mainOrigin;
    this.startDevice = { ...DEFAULT_DEVICE, ...options.device };
    this.device = { ...this.startDevice };
    this.configuredShareCard = {
      title: options.shareCard?.title ?? '',
      imageUrl: options.shareCard?.imageUrl ?? `${this.mainOrigin}/share-images/default.png`,
    };
    this.shareCard = { ...this.configuredShareCard };
    this.authorization = new Authorization(this.store, (openId, scopes) => this.issueCode(openId, scopes));
    this.sharing = new Sharing({
      store: this.store,
      now: () => this.clock.now(),
      avatarUrl: (openId) => this.avatarUrl(openId),
      defaultImageUrl: `${this.mainOrigin}/share-images/default.png`,
    });
    this.cloud = new CloudStorage({
      store: this.store,
      avatarUrl: (openId) => this.avatarUrl(openId),
      emptyFriends: () => this.faults.emptyFriends,
    });
    if (this.store.isEmpty()) seedFixture(this.store);
  }

  /** Back to the seeded fixture; per-process state (faults, device, analytics, log, clock) cleared too. */
  reset(): void {
    seedFixture(this.store);
    this.faults = noFaults();
    this.analytics = new Analytics();
    this.log = new CallLog();
    this.launch = { query: {}, scene: 'home' };
    this.device = { ...this.startDevice };
    this.shareCard = { ...this.configuredShareCard };
    this.clock.reset();
    this.authorization.clear();
    this.sharing.clear();
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
      ...(isStatusAnswer(api, rawArgs, outcome) ? { statusOnly: true as const } : {}),
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
      if (DOUYIN_ONLY_APIS.includes(api) && this.device.platform !== 'douyin')
        throw new ApiError(
          ErrorCode.invalidArgument,
          `${api} is Douyin's; this phone behaves as TikTok (switch the platform mode to douyin)`,
        );
      if (home !== 'both' && home !== domain)
        throw new ApiError(ErrorCode.wrongDomain, wrongDomainReason(api, home));
      const args = asArgs(rawArgs);
      const tooOld = versionProblem(api, this.device);
      if (tooOld) throw new ApiError(ErrorCode.versionTooOld, tooOld);
      if (this.device.networkDown)
        throw new ApiError(
          ErrorCode.networkError,
          'network error: the phone is offline (devtools: Network down)',
        );
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

  /** A missing scope found by a silent check, answered with the devtools' code when one is set. */
  private statusCheckAnswer(statusOnly: boolean, error: unknown): unknown {
    const { statusCheckCode } = this.faults;
    const missing = error instanceof ApiError && error.code === ErrorCode.notAuthorized;
    if (!statusOnly || statusCheckCode === 0 || !missing) return error;
    return new ApiError(statusCheckCode, 'status unknown (devtools: a code only a phone sends)');
  }

  private dispatch(api: string, args: Args, openId: string): Outcome {
    const mode = this.device.platform;
    switch (api) {
      case 'login':
        if (this.faults.missingLegalUrls)
          throw new ApiError(
            TIKTOK_LOGIN_WITHOUT_LEGAL_URLS,
            "the app's Terms of Service and Privacy Policy URLs are missing (TikTok Developer Portal)",
          );
        return ok(api, { code: this.issueCode(openId, [SCOPE_OPENID]) });
      case 'authorize':
        return this.authorization.authorize(openId, args);
      case 'getSetting':
        return this.authorization.getSetting(openId);
      case 'authorizeOpenContext': {
        const statusOnly = optionalBoolean(args, 'get_status_only');
        try {
          return this.authorization.authorizeOpenContext(openId, statusOnly);
        } catch (error) {
          throw this.statusCheckAnswer(statusOnly, error);
        }
      }
      case 'openSetting':
        return this.authorization.openSetting(openId);
      case 'setUserCloudStorage':
        this.cloud.set(openId, args, mode);
        return ok(api);
      case 'removeUserCloudStorage':
        this.cloud.remove(openId, args);
        return ok(api);
      case 'getUserCloudStorage':
        return ok(api, this.cloud.get(openId, args, mode));
      case 'getFriendCloudStorage':
        return ok(api, this.cloud.friends(openId, args, mode));
      case 'getCloudStorageByRelation':
        return ok(api, this.cloud.byRelation(openId, args));
      case 'shareAppMessage':
        return this.sharing.shareAppMessage(openId, args, mode, this.shareCard);
      case 'shareToUser':
        return this.sharing.shareToUser(openId, args);
      case 'shareToStory':
        return this.sharing.shareToStory(openId, args);
      case 'reportAnalytics': {
        const { eventName, data } = checkAnalytics(args);
        this.analytics.record(eventName, data);
        return ok(api);
      }
      default:
        throw new ApiError(ErrorCode.invalidArgument, `unknown API ${api}`);
    }
  }

  /** The player answered the authorization dialog. */
  finishConsent(ticket: string, granted: unknown): Outcome {
    return this.authorization.finishConsent(ticket, granted);
  }

  /** The player picked contacts in the share sheet (or cancelled with none). */
  finishShare(ticket: string, openIds: unknown): Outcome {
    return this.sharing.finishShare(ticket, openIds);
  }

  /** The player closed the settings page. */
  finishSettings(ticket: string, allowed: unknown): Outcome {
    return this.authorization.finishSettings(ticket, allowed);
  }

  issueCode(openId: string, scopes: readonly string[]): string {
    const code = `code-${randomBytes(18).toString('base64url')}`;
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
