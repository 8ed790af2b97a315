import type { ServerLimits } from '../routes/context';

/**
 * Which limit a request counts against, decided from its method and path alone (no routing, no body):
 * one rule per kind of work, each with its own budget. Every rule counts per player when the request
 * carries a valid session, else per client address.
 */
export type RuleName =
  | 'runs'
  | 'offlineRuns'
  | 'events'
  | 'profile'
  | 'seeds'
  | 'session'
  | 'reads'
  | 'other';

export interface RateRule {
  name: RuleName;
  /** Requests admitted per window and key. */
  max: number;
  windowMs: number;
}

export type RateRules = Readonly<Record<RuleName, RateRule>>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function rulesFrom(limits: ServerLimits): RateRules {
  const rule = (name: RuleName, max: number, windowMs = MINUTE): RateRule => ({ name, max, windowMs });
  return {
    runs: rule('runs', limits.runsPerMinute),
    offlineRuns: rule('offlineRuns', limits.offlineRunsPerDay, DAY),
    events: rule('events', limits.eventsPerMinute),
    profile: rule('profile', limits.profilesPerMinute),
    seeds: rule('seeds', limits.seedsPerMinute),
    session: rule('session', limits.sessionsPerMinute),
    reads: rule('reads', limits.readsPerWindow, limits.readWindowMs),
    other: rule('other', limits.otherPerMinute),
  };
}

const POST_RULES: Readonly<Record<string, RuleName>> = {
  '/v1/runs': 'runs',
  '/v1/runs/offline': 'offlineRuns',
  '/v1/events': 'events',
  '/v1/profile': 'profile',
  '/v1/seeds': 'seeds',
  '/v1/dev/seeds': 'seeds',
  '/v1/session': 'session',
};

/** `url` as the request line has it (path and query). A path the API does not have counts as `other`. */
export function ruleFor(method: string | undefined, url: string | undefined): RuleName {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  const path = query === -1 ? raw : raw.slice(0, query);
  if (method === 'POST') return POST_RULES[path] ?? 'other';
  if ((method === 'GET' || method === 'HEAD') && path.startsWith('/v1/leaderboards/')) return 'reads';
  return 'other';
}
