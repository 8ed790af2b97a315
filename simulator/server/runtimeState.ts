import {
  CONTEXT_RUNTIME_APIS,
  CONTEXT_SERVICE_APIS,
  GAME_RUNTIME_APIS,
  GAME_SERVICE_APIS,
} from '../platformApis';

/** Per-process state that /__sim/reset clears: clock offset, faults, analytics, call log, frame stats. */

export class SimClock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): number {
    return this.base() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export interface Faults {
  /** Added to every platform call; a number for all, or per API name. */
  latencyMs: number | Record<string, number>;
  /** Probability (0..1) that a call fails; a number for all, or per API name. */
  failureRate: number | Record<string, number>;
  /** These APIs always fail (deterministic). */
  failApis: string[];
  /** getFriendCloudStorage returns only the player. */
  emptyFriends: boolean;
  /** Delay before avatar images are served. */
  slowAvatarsMs: number;
  /** Avatars served without CORS headers, as some image hosts do: the board must not taint its canvas. */
  avatarsWithoutCors: boolean;
  /** Login fails with TikTok's 102102, as when the Developer Portal lacks Terms of Service and Privacy Policy URLs. */
  missingLegalUrls: boolean;
  /**
   * When not 0, a silent status check (`authorizeOpenContext` with `get_status_only`) that finds a scope
   * missing fails with this code instead of the simulator's 900301: a phone may answer with codes TikTok
   * has not documented, and the game must still explain and ask.
   */
  statusCheckCode: number;
}

export const noFaults = (): Faults => ({
  latencyMs: 0,
  failureRate: 0,
  failApis: [],
  emptyFriends: false,
  slowAvatarsMs: 0,
  avatarsWithoutCors: false,
  missingLegalUrls: false,
  statusCheckCode: 0,
});

/** The APIs a fault can reach: the platform services, answered by the simulator's server. */
export const FAULTABLE_APIS: readonly string[] = [
  ...new Set([...GAME_SERVICE_APIS, ...CONTEXT_SERVICE_APIS]),
];
const LOCAL_APIS = new Set<string>([...GAME_RUNTIME_APIS, ...CONTEXT_RUNTIME_APIS]);

/** Why a name in a fault cannot fail anything, or null when it names a platform service. */
function apiNameProblem(field: string, name: string): string | null {
  if (FAULTABLE_APIS.includes(name)) return null;
  if (name === 'request')
    return `${field}: request is the game's own HTTP, which no fault reaches; use "Game server down" or "Network down"`;
  if (LOCAL_APIS.has(name))
    return `${field}: ${name} runs on the phone without the platform's services, so no fault reaches it`;
  return `${field}: unknown API ${JSON.stringify(name)} (faults reach ${FAULTABLE_APIS.join(', ')})`;
}

function apiNamesProblem(field: string, names: readonly string[]): string | null {
  for (const name of names) {
    const problem = apiNameProblem(field, name);
    if (problem) return problem;
  }
  return null;
}

const MAX_DELAY_MS = 60_000;

function perApi(value: number | Record<string, number>, api: string): number {
  return typeof value === 'number' ? value : (value[api] ?? 0);
}

export function latencyFor(faults: Faults, api: string): number {
  return perApi(faults.latencyMs, api);
}

export function failureRateFor(faults: Faults, api: string): number {
  return faults.failApis.includes(api) ? 1 : perApi(faults.failureRate, api);
}

function isNumberOrMap(
  value: unknown,
  check: (n: number) => boolean,
): value is number | Record<string, number> {
  if (typeof value === 'number') return check(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((n) => typeof n === 'number' && check(n));
}

/** Validates a POST /__sim/faults body (a partial update); returns an error message or the merged faults. */
export function mergeFaults(current: Faults, body: unknown): Faults | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'faults must be a JSON object';
  const patch = body as Record<string, unknown>;
  const next: Faults = { ...current };
  const delay = (n: number) => Number.isFinite(n) && n >= 0 && n <= MAX_DELAY_MS;
  for (const [name, value] of Object.entries(patch)) {
    switch (name) {
      case 'latencyMs':
        if (!isNumberOrMap(value, delay))
          return `latencyMs must be 0..${MAX_DELAY_MS} or a map of API name to that`;
        next.latencyMs = value;
        break;
      case 'failureRate':
        if (!isNumberOrMap(value, (n) => Number.isFinite(n) && n >= 0 && n <= 1))
          return 'failureRate must be 0..1 or a map of API name to 0..1';
        next.failureRate = value;
        break;
      case 'failApis':
        if (!Array.isArray(value) || !value.every((api) => typeof api === 'string'))
          return 'failApis must be an array of API names';
        next.failApis = value as string[];
        break;
      case 'emptyFriends':
        if (typeof value !== 'boolean') return 'emptyFriends must be a boolean';
        next.emptyFriends = value;
        break;
      case 'slowAvatarsMs':
        if (typeof value !== 'number' || !delay(value)) return `slowAvatarsMs must be 0..${MAX_DELAY_MS}`;
        next.slowAvatarsMs = value;
        break;
      case 'avatarsWithoutCors':
        if (typeof value !== 'boolean') return 'avatarsWithoutCors must be a boolean';
        next.avatarsWithoutCors = value;
        break;
      case 'missingLegalUrls':
        if (typeof value !== 'boolean') return 'missingLegalUrls must be a boolean';
        next.missingLegalUrls = value;
        break;
      case 'statusCheckCode':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1)
          return 'statusCheckCode must be 0 (off) or a positive whole number (the code a phone answers with)';
        next.statusCheckCode = value;
        break;
      default:
        return `unknown fault ${JSON.stringify(name)}`;
    }
  }
  // A name no fault can reach would be "applied" and fail nothing: refused instead, saying why.
  const keysOf = (value: number | Record<string, number>) =>
    typeof value === 'number' ? [] : Object.keys(value);
  return (
    apiNamesProblem('failApis', next.failApis) ??
    apiNamesProblem('latencyMs', keysOf(next.latencyMs)) ??
    apiNamesProblem('failureRate', keysOf(next.failureRate)) ??
    next
  );
}

export type EntryPoint = 'main_menu' | 'results';
const entryPoints: readonly EntryPoint[] = ['main_menu', 'results'];

export interface EntryPointStats {
  exposures: number;
  clicks: number;
  /** clicks / exposures, null before the first exposure. */
  clickThroughRate: number | null;
}

export class Analytics {
  private events = new Map<string, number>();
  private exposures = new Map<EntryPoint, number>();
  private clicks = new Map<EntryPoint, number>();

  record(eventName: string, data: Record<string, unknown>): void {
    this.events.set(eventName, (this.events.get(eventName) ?? 0) + 1);
    const entry = entryPoints.find((point) => point === data.entry_point);
    if (!entry) return;
    if (eventName === 'leaderboard_button_exposure')
      this.exposures.set(entry, (this.exposures.get(entry) ?? 0) + 1);
    if (eventName === 'leaderboard_button_click') this.clicks.set(entry, (this.clicks.get(entry) ?? 0) + 1);
  }

  snapshot(): {
    events: Record<string, number>;
    leaderboardButton: Record<EntryPoint | 'total', EntryPointStats>;
  } {
    const stats = (exposures: number, clicks: number): EntryPointStats => ({
      exposures,
      clicks,
      clickThroughRate: exposures === 0 ? null : clicks / exposures,
    });
    let totalExposures = 0;
    let totalClicks = 0;
    const leaderboardButton = {} as Record<EntryPoint | 'total', EntryPointStats>;
    for (const point of entryPoints) {
      const exposures = this.exposures.get(point) ?? 0;
      const clicks = this.clicks.get(point) ?? 0;
      totalExposures += exposures;
      totalClicks += clicks;
      leaderboardButton[point] = stats(exposures, clicks);
    }
    leaderboardButton.total = stats(totalExposures, totalClicks);
    return { events: Object.fromEntries(this.events), leaderboardButton };
  }
}

export interface LogEntry {
  seq: number;
  at: number;
  openId: string;
  domain: 'game' | 'context';
  api: string;
  args: unknown;
  ok: boolean;
  /**
   * A status-only check (`authorizeOpenContext({get_status_only: true})`) that found a scope missing: the
   * call's `fail` ran, but it answered the question asked, so the devtools do not count it as a failure.
   */
  statusOnly?: true;
  result: unknown;
}

let logs = 0;

export class CallLog {
  /**
   * Which log this is: a reset starts a new one whose `seq` counts from 1 again, so a reader that
   * asks `since` its last seq must also notice the epoch change, or it would miss the new calls.
   */
  readonly epoch = ++logs;
  private entries: LogEntry[] = [];
  private seq = 0;
  constructor(private readonly limit = 300) {}
  add(entry: Omit<LogEntry, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    if (this.entries.length > this.limit) this.entries.shift();
  }
  list(sinceSeq = 0): LogEntry[] {
    return this.entries.filter((entry) => entry.seq > sinceSeq);
  }
}

export interface ContextStats {
  animationFramesRequested: number;
  framesCommitted: number;
  messagesDelivered: number;
}
