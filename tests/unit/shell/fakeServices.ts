/** Game services whose answers a flow test decides, recording what the flow asked of them. */

import type { RunRecord } from '../../../assets/scripts/games/runRecord';
import type {
  AnalyticsEvent,
  FriendBoardOutcome,
  GameServices,
  GlobalBoardEntry,
  LaunchIntent,
  RunDelivery,
  ShareOutcome,
} from '../../../assets/scripts/shell/index';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

export function fakeServices() {
  const tracked: AnalyticsEvent[] = [];
  const finished: RunRecord[] = [];
  const deliveries = new Map<string, RunDelivery>();
  const state = {
    authorized: false,
    canOpenSettings: false,
    /** Each `open()` of the friend board takes the next answer; the explanation runs when it says so. */
    opens: [] as (() => Promise<FriendBoardOutcome>)[],
    retries: [] as (() => Promise<FriendBoardOutcome>)[],
    boards: [] as Deferred<GlobalBoardEntry[]>[],
    invite: { sent: true } as ShareOutcome,
    /** Each invite waits for this, when set: a picker still open. */
    pendingInvite: null as Promise<ShareOutcome> | null,
    invites: 0,
    canInvite: true,
    offline: false,
    unsentBest: null as number | null,
    statusAnswer: 'not-granted' as 'authorized' | 'not-granted' | 'unknown',
    story: { sent: true } as ShareOutcome,
    launch: { challenge: null, autoplay: false, seed: null } as LaunchIntent,
    started: 0,
    paused: 0,
    resumed: 0,
    statusChecks: 0,
    openCalls: 0,
    prefetches: 0,
  };
  let runs = 0;
  const backListeners: (() => void)[] = [];
  const services = {
    analytics: { track: (event: AnalyticsEvent) => void tracked.push(event) },
    surface: {
      prefetch: () => {
        state.prefetches += 1;
      },
    },
    friendBoard: {
      isAuthorized: () => state.authorized,
      canOpenSettings: () => state.canOpenSettings,
      refreshStatus: async () => {
        state.statusChecks += 1;
        return state.authorized ? 'authorized' : state.statusAnswer;
      },
      open: () => {
        state.openCalls += 1;
        const next = state.opens.shift();
        return next ? next() : Promise.resolve({ kind: 'authorized', prompted: false } as const);
      },
      retry: () => {
        const next = state.retries.shift();
        return next ? next() : Promise.resolve({ kind: 'authorized', prompted: true } as const);
      },
    },
    server: {
      session: () => ({ openId: 'me', token: 't', expiresAt: 1 }),
      globalBoard: () => {
        const answer = deferred<GlobalBoardEntry[]>();
        state.boards.push(answer);
        return answer.promise;
      },
    },
    invites: { shareToStory: async () => state.story, canInvite: () => state.canInvite },
    inviteFriends: async () => {
      state.invites += 1;
      return state.pendingInvite ?? state.invite;
    },
    connectivity: {
      offline: () => state.offline,
      onBack: (listener: () => void) => {
        backListeners.push(listener);
        return () => undefined;
      },
    },
    launch: () => state.launch,
    acceptLaunchQuery: (query: unknown) => {
      const beat = (query as { beat?: string } | null)?.beat;
      if (beat)
        state.launch = {
          ...state.launch,
          challenge: { challengerName: 'Ava', challengerOpenId: 'a', scoreToBeat: Number(beat) },
        };
    },
    playerOpenId: () => 'me',
    unsentBest: () => state.unsentBest,
    start: async () => {
      state.started += 1;
    },
    pause: () => {
      state.paused += 1;
    },
    resume: () => {
      state.resumed += 1;
    },
    runSeed: (chosen: number | null) => chosen ?? 77,
    finishLevel: (run: RunRecord) => {
      finished.push(run);
      runs += 1;
      return `run-${runs}`;
    },
    runDelivery: (runId: string) => deliveries.get(runId) ?? null,
  };
  /** The device or the server is back: what the connectivity tells its listeners. */
  const comeBack = () => {
    for (const listener of backListeners) listener();
  };
  return { services: services as unknown as GameServices, tracked, finished, deliveries, state, comeBack };
}
