import { describe, expect, it } from 'vitest';
import { startPlaythrough } from '../../../assets/scripts/core/index';
import { createGameServices } from '../../../assets/scripts/game/index';
import { type GamePlatform, PlatformError } from '../../../assets/scripts/platform/index';
import type { ContextMessage } from '../../../assets/scripts/social/protocol';
import { FakeScheduler, fakeRequest, flushPromises, MemoryStorage } from './fakes';

function setup(serverBest: number | null, storage = new MemoryStorage()) {
  const scheduler = new FakeScheduler();
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
      'POST /v1/runs': (body) => ({
        statusCode: 200,
        data: { best: (body as { run: { claimedScore: number } }).run.claimedScore, rank: 1, newBest: true },
      }),
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
    scheduler,
    explainAuthorization: async () => true,
    now: () => 1_000,
  });
  return {
    services,
    storage,
    scheduler,
    messages,
    posted,
    reported,
    failLogin: (fails: boolean) => {
      loginFails = fails;
    },
  };
}

function finishedRun(seed: number) {
  const play = startPlaythrough(seed, 1);
  while (play.game.status === 'playing') play.advance();
  return play.runRecord();
}

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
    const run = finishedRun(3);
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
    expect(posted.find((p) => p.url.endsWith('/v1/runs'))?.data).toEqual({ run });
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
    const { services, storage, scheduler, failLogin } = setup(null);
    failLogin(true);
    await services.start();
    const run = finishedRun(3);
    const runId = services.finishLevel(run, 2_000);
    await flushPromises();
    expect(services.runDelivery(runId)).toMatchObject({ kind: 'waiting' });
    expect(services.outbox.pending().map((pending) => pending.id)).toEqual([runId]);
    await scheduler.advance(2_000);
    expect(services.runDelivery(runId)).toMatchObject({ kind: 'waiting' });

    const restarted = setup(null, storage);
    await restarted.services.start();
    await flushPromises();
    expect(restarted.posted.find((p) => p.url.endsWith('/v1/runs'))?.data).toEqual({ run });
    expect(restarted.services.outbox.pending()).toEqual([]);
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
});
