import { describe, expect, it } from 'vitest';
import { type GamePlatform, PlatformError } from '../../../assets/scripts/platform/index';
import { createGameServices, deliveryText, storageKeys } from '../../../assets/scripts/shell/index';
import { tallyRun, testGame } from '../testGame';

const STORAGE_KEYS = storageKeys(testGame.info.storagePrefix);

import type { ContextMessage } from '../../../assets/scripts/social/protocol';
import { FakeScheduler, fakeRequest, flushPromises, MemoryStorage } from './fakes';

const DAY = 24 * 60 * 60 * 1000;

/** The game server's seed rules, kept across the restarts of one test: issued once, used once. */
function seedServer() {
  let next = 100;
  const issued = new Set<number>();
  const used = new Set<number>();
  const answer = (seeds: number[]) => ({ statusCode: 200, data: { seeds, expiresInMs: 7 * DAY } });
  return {
    issued,
    used,
    issue: (body: unknown) => {
      const seeds = Array.from({ length: (body as { count: number }).count }, () => next++);
      for (const seed of seeds) issued.add(seed);
      return answer(seeds);
    },
    choose: (body: unknown) => {
      const { seed } = body as { seed: number };
      issued.add(seed);
      used.delete(seed);
      return answer([seed]);
    },
    /** null when the run may be stored, else the refusal. */
    claim: (seed: number) => {
      if (!issued.has(seed)) return { statusCode: 403, data: { error: 'seed_not_issued' } };
      if (used.has(seed)) return { statusCode: 409, data: { error: 'seed_used' } };
      used.add(seed);
      return null;
    },
  };
}

function setup(serverBest: number | null, storage = new MemoryStorage(), seeds = seedServer()) {
  const scheduler = new FakeScheduler();
  const clock = { now: 1_000 };
  let loginFails = false;
  const messages: ContextMessage[] = [];
  const posted: { url: string; data: unknown }[] = [];
  const reported: string[] = [];
  const request = fakeRequest(
    {
      'POST /v1/session': () => ({
        statusCode: 200,
        data: { token: 't', openId: 'open-you', expiresAt: 9e15 },
      }),
      'GET /v1/leaderboards/global': () => ({
        statusCode: 200,
        data: { entries: serverBest === null ? [] : [{ rank: 1, openId: 'open-you', score: serverBest }] },
      }),
      'POST /v1/seeds': seeds.issue,
      'POST /v1/dev/seeds': seeds.choose,
      'POST /v1/runs': (body) => {
        const { run } = body as { run: { claimedScore: number; seed: number } };
        return (
          seeds.claim(run.seed) ?? {
            statusCode: 200,
            data: { best: run.claimedScore, rank: 1, newBest: true },
          }
        );
      },
      // An offline run: the server issues its seed on arrival and counts it once.
      'POST /v1/runs/offline': (body) => {
        const { run } = body as { run: { claimedScore: number; seed: number } };
        seeds.issued.add(run.seed);
        return (
          seeds.claim(run.seed) ?? {
            statusCode: 200,
            data: { best: run.claimedScore, rank: 1, newBest: true },
          }
        );
      },
      'POST /v1/events': (body) => ({
        statusCode: 200,
        data: { accepted: (body as { events: [] }).events.length },
      }),
    },
    posted,
  );
  const platform = {
    ...storage,
    // The game domain never writes the best to the cloud itself: only the open data context can read
    // what is there, so only it may decide. A call here would fail the test.
    setUserCloudStorage: async () => {
      throw new Error('the game domain wrote to cloud storage');
    },
    login: async () => {
      if (loginFails) throw new PlatformError('login', 'failed', 'injected fault', 21500);
      return { code: 'c' };
    },
    request,
    reportAnalytics: (name: string) => reported.push(name),
    openDataContext: () => ({ postMessage: (message: ContextMessage) => messages.push(message) }),
    getLaunchOptions: () => ({ query: { beat: '120', from: 'open-friend' } }),
    authorizeOpenContext: async () => ({ code: 'a' }),
    shareAppMessage: async () => {},
    shareToStory: async () => {},
  } as unknown as GamePlatform;
  const services = createGameServices({
    platform,
    game: testGame,
    scheduler,
    explainAuthorization: async () => true,
    now: () => clock.now,
  });
  return {
    services,
    storage,
    clock,
    seeds,
    scheduler,
    messages,
    posted,
    reported,
    failLogin: (fails: boolean) => {
      loginFails = fails;
    },
  };
}

const finishedRun = tallyRun;

describe('game services', () => {
  it('opens a session at start and learns the best the server knows', async () => {
    const { services } = setup(5000);
    expect(services.launch().challenge).toEqual({
      challengerName: 'A friend',
      challengerOpenId: 'open-friend',
      scoreToBeat: 120,
    });
    await services.start();
    expect(services.server.session()?.openId).toBe('open-you');
    expect(services.knownBest()).toBe(5000);
  });

  it('hands the level end to the open data context, submits the run, and resends the best at the next start', async () => {
    const { services, storage, messages, posted } = setup(null);
    await services.start();
    await flushPromises();
    const run = finishedRun(services.runSeed(null));
    expect(run.seed).toBe(100);
    const runId = services.finishLevel(run, 2_000);
    expect(messages).toContainEqual({
      v: 1,
      type: 'levelEnd',
      runId,
      score: run.claimedScore,
      level: 1,
      achievedAt: 2_000,
    });
    await flushPromises();
    expect(posted.find((p) => p.url.endsWith('/v1/runs'))?.data).toEqual({ zone: 'test', run });
    expect(services.runDelivery(runId)).toEqual({
      kind: 'saved',
      verdict: { best: run.claimedScore, rank: 1, newBest: true },
    });
    expect(services.knownBest()).toBe(run.claimedScore);

    // The next launch (same device storage) sends this device's best again, in case its write was lost.
    const next = setup(null, storage);
    await next.services.start();
    expect(next.messages).toContainEqual({
      v: 1,
      type: 'resumeBest',
      score: run.claimedScore,
      level: 1,
      achievedAt: 2_000,
    });
  });

  it('remembers who you are: the open id of the last session stands in while login fails', async () => {
    const { services, storage } = setup(null);
    await services.start();
    expect(services.playerOpenId()).toBe('open-you');
    const offline = setup(null, storage);
    offline.failLogin(true);
    await offline.services.start();
    expect(offline.services.server.session()).toBeNull();
    expect(offline.services.playerOpenId()).toBe('open-you');
    expect(setup(null).services.playerOpenId()).toBeNull();
  });

  it('a run played while login fails waits, survives a restart, and reaches the server once login works', async () => {
    // An earlier launch fetched seeds ahead; this one is offline from the start.
    const online = setup(null);
    await online.services.start();
    await flushPromises();
    const { services, storage, scheduler, failLogin } = setup(null, online.storage, online.seeds);
    failLogin(true);
    await services.start();
    const run = finishedRun(services.runSeed(null));
    expect(run.seed).toBe(100);
    const runId = services.finishLevel(run, 2_000);
    await flushPromises();
    expect(services.runDelivery(runId)).toMatchObject({ kind: 'waiting' });
    expect(services.outbox.pending().map((pending) => pending.id)).toEqual([runId]);
    await scheduler.advance(2_000);
    expect(services.runDelivery(runId)).toMatchObject({ kind: 'waiting' });

    const restarted = setup(null, storage, online.seeds);
    await restarted.services.start();
    await flushPromises();
    expect(restarted.posted.find((p) => p.url.endsWith('/v1/runs'))?.data).toEqual({ zone: 'test', run });
    expect(restarted.services.outbox.pending()).toEqual([]);
    expect([...online.seeds.used]).toEqual([100]);
  });

  it('batches analytics to the server on a timer and when the game goes to the background', async () => {
    const { services, posted, reported, scheduler } = setup(null);
    await services.start();
    services.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'main_menu' });
    await scheduler.advance(3_000);
    expect(posted.filter((p) => p.url.endsWith('/v1/events'))).toHaveLength(1);
    services.analytics.track({ name: 'board_toggle', to: 'global' });
    services.pause();
    await flushPromises();
    const batches = posted.filter((p) => p.url.endsWith('/v1/events')).map((p) => p.data);
    expect(batches).toEqual([
      { events: [{ name: 'leaderboard_button_exposure', entryPoint: 'main_menu', at: 1_000 }] },
      { events: [{ name: 'board_toggle', at: 1_000 }] },
    ]);
    expect(reported).toEqual(['leaderboard_button_exposure', 'board_toggle']);
    expect(scheduler.pendingDelays()).toEqual([]);
  });

  it('takes a challenge from a card opened while the game was in the background', () => {
    const { services } = setup(null);
    services.acceptLaunchQuery({ from: 'open-other', challenger: 'Kai', beat: '900' });
    expect(services.launch().challenge?.challengerName).toBe('Kai');
    services.acceptLaunchQuery({});
    expect(services.launch().challenge?.scoreToBeat).toBe(900);
  });

  describe('run seeds', () => {
    const seedRequests = (posted: { url: string; data: unknown }[]) =>
      posted.filter((p) => p.url.endsWith('/v1/seeds')).map((p) => p.data);

    it('fetches ten seeds ahead at start, keeps them with their player, and one more after each run', async () => {
      const { services, storage, posted } = setup(null);
      await services.start();
      await flushPromises();
      expect(seedRequests(posted)).toEqual([{ count: 10 }]);
      const stock = JSON.parse(storage.values.get(STORAGE_KEYS.seeds) ?? '{}');
      expect(stock.openId).toBe('open-you');
      expect(stock.seeds.map((entry: { seed: number }) => entry.seed)).toEqual([
        100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
      ]);
      services.finishLevel(finishedRun(services.runSeed(null)), 2_000);
      await flushPromises();
      expect(seedRequests(posted)).toEqual([{ count: 10 }, { count: 1 }]);
      expect(services.runSeed(null)).toBe(101);
    });

    it('plays offline with seeds fetched ahead, one per level, and submits every run later', async () => {
      const online = setup(null);
      await online.services.start();
      await flushPromises();
      const offline = setup(null, online.storage, online.seeds);
      offline.failLogin(true);
      await offline.services.start();
      const runs = [0, 1, 2].map(() => finishedRun(offline.services.runSeed(null)));
      const ids = runs.map((run, index) => offline.services.finishLevel(run, 2_000 + index));
      await offline.services.outbox.drain();
      expect(runs.map((run) => run.seed)).toEqual([100, 101, 102]);
      expect(ids.map((id) => offline.services.runDelivery(id)?.kind)).toEqual([
        'waiting',
        'waiting',
        'waiting',
      ]);
      offline.failLogin(false);
      await offline.scheduler.advance(2_000);
      expect(ids.map((id) => offline.services.runDelivery(id)?.kind)).toEqual(['saved', 'saved', 'saved']);
      expect([...online.seeds.used]).toEqual([100, 101, 102]);
    });

    it('with no seed at hand, plays a seed of its own: the best is kept, and the run goes as an offline run once the server answers', async () => {
      const { services, messages, posted, seeds, failLogin } = setup(null);
      failLogin(true);
      await services.start();
      const run = finishedRun(services.runSeed(null));
      expect(seeds.issued.has(run.seed)).toBe(false);
      const runId = services.finishLevel(run, 2_000);
      await flushPromises();
      const delivery = services.runDelivery(runId);
      expect(delivery).toMatchObject({ kind: 'waiting', problem: 'login' });
      expect(deliveryText(delivery)).toBe('Global board: will send once TikTok signs you in');
      expect(services.outbox.pending()).toEqual([{ id: runId, run, seedFrom: 'offline' }]);
      expect(services.outbox.deviceBest()).toEqual({ score: run.claimedScore, level: 1, achievedAt: 2_000 });
      expect(services.knownBest()).toBe(run.claimedScore);
      expect(services.unsentBest()).toBe(run.claimedScore);
      expect(messages).toContainEqual({
        v: 1,
        type: 'levelEnd',
        runId,
        score: run.claimedScore,
        level: 1,
        achievedAt: 2_000,
      });
      failLogin(false);
      await services.outbox.drain();
      expect(posted.filter((p) => p.url.endsWith('/v1/runs'))).toEqual([]);
      expect(posted.filter((p) => p.url.endsWith('/v1/runs/offline')).map((p) => p.data)).toEqual([
        { zone: 'test', run },
      ]);
      expect(services.runDelivery(runId)?.kind).toBe('saved');
      expect(services.unsentBest()).toBeNull();
    });

    it('stops using a seed two days before it expires, so its run can still wait offline', async () => {
      const { services, clock, seeds } = setup(null);
      await services.start();
      await flushPromises();
      clock.now = 1_000 + 5 * DAY - 1;
      expect(services.runSeed(null)).toBe(100);
      clock.now = 1_000 + 5 * DAY;
      const seed = services.runSeed(null);
      expect(seeds.issued.has(seed)).toBe(false);
    });

    it('never hands out seeds fetched for another player on this device', async () => {
      const storage = new MemoryStorage();
      storage.values.set(
        STORAGE_KEYS.seeds,
        JSON.stringify({ v: 1, openId: 'open-someone-else', seeds: [{ seed: 55, useBy: 9e15 }] }),
      );
      const { services } = setup(null, storage);
      await services.start();
      await flushPromises();
      expect(services.runSeed(null)).toBe(100);
      expect(JSON.parse(storage.values.get(STORAGE_KEYS.seeds) ?? '{}').openId).toBe('open-you');
    });

    it('test mode: the chosen seed is issued by the development route just before each of its runs is sent', async () => {
      const { services, posted } = setup(null);
      await services.start();
      await flushPromises();
      posted.length = 0;
      const first = finishedRun(services.runSeed(7));
      const second = finishedRun(services.runSeed(7));
      const ids = [services.finishLevel(first, 2_000), services.finishLevel(second, 3_000)];
      await services.outbox.drain();
      expect(posted.filter((p) => !p.url.endsWith('/v1/seeds')).map((p) => new URL(p.url).pathname)).toEqual([
        '/v1/dev/seeds',
        '/v1/runs',
        '/v1/dev/seeds',
        '/v1/runs',
      ]);
      expect(posted[0]?.data).toEqual({ seed: 7 });
      expect(ids.map((id) => services.runDelivery(id)?.kind)).toEqual(['saved', 'saved']);
    });
  });
});
