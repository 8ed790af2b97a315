import { describe, expect, it } from 'vitest';
import {
  createGameFlow,
  type FlowScreen,
  type FriendBoardOutcome,
  MAX_CATCH_UP_MS,
  ServerError,
  type TestMode,
  TOAST_MS,
} from '../../../assets/scripts/shell/index';
import { testGame } from '../testGame';
import { deferred, fakeServices } from './fakeServices';
import { FakeScheduler } from './fakes';

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(testMode: Partial<TestMode> = {}) {
  const fake = fakeServices();
  let unlocked = 1;
  const progress = {
    levelCount: 3,
    unlockedLevel: () => unlocked,
    completeLevel: (level: number) => {
      unlocked = Math.max(unlocked, Math.min(3, level + 1));
    },
  };
  const clock = { now: 1_000 };
  const mode: TestMode = { autoplay: false, seed: null, holdAtTick: null, ...testMode };
  const timers = new FakeScheduler();
  const flow = createGameFlow({
    game: testGame,
    services: fake.services,
    progress,
    testMode: mode,
    timers,
    now: () => clock.now,
  });
  let changes = 0;
  flow.onChange(() => {
    changes += 1;
  });
  return { ...fake, flow, clock, mode, timers, changes: () => changes };
}

const nameOf = (screen: FlowScreen): string => screen.name;

/** Plays the current level to its end with the bot, one frame of the test mode at a time. */
function botPlays(flow: ReturnType<typeof setup>['flow'], mode: TestMode): void {
  mode.autoplay = true;
  for (let frame = 0; frame < 50 && flow.screen().name === 'play'; frame += 1) flow.frame(16);
}

describe('the flow between screens', () => {
  it('starts on the menu, counts it as seen once, and starts the services and the silent status check', async () => {
    const { flow, tracked, state } = setup();
    flow.start();
    await flushPromises();
    expect(nameOf(flow.screen())).toBe('menu');
    expect(tracked).toEqual([{ name: 'leaderboard_button_exposure', entry_point: 'main_menu' }]);
    expect([state.started, state.statusChecks]).toEqual([1, 1]);
    flow.perform({ kind: 'select-level', level: 1 });
    expect(tracked).toHaveLength(1);
  });

  it('has the context load the friend board ahead at start and on return, only when already allowed', async () => {
    const refused = setup();
    refused.flow.start();
    refused.flow.show({});
    await flushPromises();
    expect([refused.state.statusChecks, refused.state.prefetches]).toEqual([2, 0]);

    const allowed = setup();
    allowed.state.statusAnswer = 'authorized';
    allowed.flow.start();
    await flushPromises();
    expect([allowed.state.statusChecks, allowed.state.prefetches]).toEqual([1, 1]);
    allowed.flow.show({});
    await flushPromises();
    expect([allowed.state.statusChecks, allowed.state.prefetches]).toEqual([2, 2]);
  });

  it('plays the chosen level with a seed from the services, saves the run and shows the results', () => {
    const { flow, finished, tracked, mode } = setup({ seed: 42 });
    flow.perform({ kind: 'play', level: 1 });
    const play = flow.screen();
    if (play.name !== 'play') throw new Error('expected the play screen');
    expect(play.play.runRecord().seed).toBe(42);
    botPlays(flow, mode);
    const results = flow.screen();
    expect(results.name).toBe('results');
    expect(finished).toHaveLength(1);
    expect(flow.lastResult()).toEqual({
      level: 1,
      score: finished[0]?.claimedScore,
      completed: true,
      runId: 'run-1',
      summary: `${finished[0]?.inputs.length} taps`,
    });
    expect(tracked.at(-1)).toEqual({ name: 'leaderboard_button_exposure', entry_point: 'results' });
    const content = flow.content();
    if (content.name !== 'results') throw new Error('expected results content');
    expect(content.next.action).toEqual({ kind: 'play', level: 2 });
    flow.perform({ kind: 'menu' });
    const menu = flow.content();
    expect(menu.name === 'menu' && menu.play.action).toEqual({ kind: 'play', level: 2 });
  });

  it('steps a level at the game tick rate whatever the frame rate, and skips ahead after a stall', () => {
    const { flow } = setup();
    flow.perform({ kind: 'play', level: 1 });
    const screen = flow.screen();
    if (screen.name !== 'play') throw new Error('expected the play screen');
    flow.frame(1000 / 60 + 0.01);
    expect(screen.play.tick).toBe(1);
    flow.frame(1000 / 120);
    flow.frame(1000 / 120);
    expect(screen.play.tick).toBe(2);
    flow.frame(5_000);
    expect(screen.play.tick).toBe(2 + Math.floor((MAX_CATCH_UP_MS * 60) / 1000));
  });

  it('holds still while paused or in the background, and does not jump on resume', () => {
    const { flow, state } = setup();
    flow.perform({ kind: 'play', level: 1 });
    const playing = flow.screen();
    if (playing.name !== 'play') throw new Error('expected the play screen');
    flow.frame(100);
    flow.perform({ kind: 'pause' });
    const ticks = playing.play.tick;
    flow.frame(100);
    expect(playing.play.tick).toBe(ticks);
    flow.perform({ kind: 'resume' });
    flow.hide();
    expect(flow.screen()).toMatchObject({ name: 'play', paused: true });
    expect(state.paused).toBe(1);
    flow.frame(100);
    expect(playing.play.tick).toBe(ticks);
  });

  it('steers only with the player at the controls, never under the bot', () => {
    const { flow, mode } = setup();
    flow.perform({ kind: 'play', level: 1 });
    flow.playPointer('down', 300, 10, { width: 360, height: 640 });
    flow.frame(1000 / 60 + 0.01);
    const screen = flow.screen();
    if (screen.name !== 'play') throw new Error('expected the play screen');
    expect(screen.play.runRecord().inputs).toEqual([[0, 2]]);
    mode.autoplay = 'idle';
    flow.playPointer('down', 10, 10, { width: 360, height: 640 });
    flow.frame(16);
    expect(screen.play.runRecord().inputs).toEqual([[0, 2]]);
  });
});

describe('the friend board flow', () => {
  it('counts the click, opens the board once however often it is tapped, and closes back to where it was', async () => {
    const { flow, tracked, state } = setup();
    flow.start();
    const answer = deferred<FriendBoardOutcome>();
    state.opens.push(() => answer.promise);
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    expect(state.openCalls).toBe(1);
    answer.resolve({ kind: 'authorized', prompted: false });
    await flushPromises();
    expect(flow.screen()).toMatchObject({ name: 'leaderboard', tab: 'friends' });
    expect(flow.contextView()).toBe('board');
    expect(tracked.filter((event) => event.name === 'leaderboard_button_click')).toHaveLength(2);
    expect(tracked.at(-1)).toEqual({ name: 'board_shown', board: 'friends' });
    flow.perform({ kind: 'close' });
    expect(nameOf(flow.screen())).toBe('menu');
    expect(tracked.at(-1)).toEqual({ name: 'leaderboard_button_exposure', entry_point: 'main_menu' });
  });

  it('shows the explanation when the flow asks, and the board after the player goes on', async () => {
    const { flow, state } = setup();
    state.opens.push(async () =>
      (await flow.explainAuthorization()) ? { kind: 'authorized', prompted: true } : { kind: 'not-now' },
    );
    flow.perform({ kind: 'friend-board', entryPoint: 'results' });
    await flushPromises();
    expect(nameOf(flow.screen())).toBe('consent');
    expect(flow.contextView()).toBeNull();
    flow.perform({ kind: 'consent', goOn: false });
    await flushPromises();
    expect(flow.screen()).toMatchObject({ name: 'leaderboard', outcome: { kind: 'not-now' } });
    expect(flow.contextView()).toBeNull();
  });

  it('does not interrupt a level the player started while the silent check ran', async () => {
    const { flow, state } = setup();
    const answer = deferred<FriendBoardOutcome>();
    state.opens.push(() => answer.promise);
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    flow.perform({ kind: 'play', level: 1 });
    answer.resolve({ kind: 'authorized', prompted: false });
    await flushPromises();
    expect(nameOf(flow.screen())).toBe('play');
  });

  it('runs another try once at a time, and shows its outcome on a fresh board', async () => {
    const { flow, state } = setup();
    state.opens.push(async () => ({ kind: 'declined' }));
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    const retry = deferred<FriendBoardOutcome>();
    state.retries.push(() => retry.promise);
    flow.perform({ kind: 'retry-auth' });
    flow.perform({ kind: 'retry-auth' });
    expect(flow.screen()).toMatchObject({ name: 'leaderboard', retrying: true });
    const content = flow.content();
    expect(
      content.name === 'leaderboard' &&
        content.body.kind === 'friends-alternative' &&
        content.body.retry.enabled,
    ).toBe(false);
    retry.resolve({ kind: 'authorized', prompted: true });
    await flushPromises();
    expect(flow.screen()).toMatchObject({
      name: 'leaderboard',
      retrying: false,
      outcome: { kind: 'authorized' },
    });
    expect(state.retries).toHaveLength(0);
  });
});

describe('the global board', () => {
  it('loads on the toggle, counts the toggle and the board shown, and keeps the last request only', async () => {
    const { flow, tracked, state } = setup();
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    flow.perform({ kind: 'tab', tab: 'global' });
    expect(flow.screen()).toMatchObject({ tab: 'global', global: { status: 'loading' } });
    expect(tracked.at(-1)).toEqual({ name: 'board_toggle', to: 'global' });
    flow.perform({ kind: 'retry-global' });
    const [first, second] = state.boards;
    second?.resolve([{ rank: 1, openId: 'me', displayName: 'Me', score: 30 }]);
    await flushPromises();
    first?.resolve([]);
    await flushPromises();
    expect(flow.screen()).toMatchObject({
      global: { status: 'ready', entries: [{ openId: 'me' }], youOpenId: 'me' },
    });
    expect(tracked.filter((event) => event.name === 'board_shown' && event.board === 'global')).toHaveLength(
      1,
    );
    expect(flow.contextView()).toBeNull();
  });

  it('says whose failure it is', async () => {
    const { flow, state } = setup();
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    flow.perform({ kind: 'tab', tab: 'global' });
    state.boards[0]?.reject(new ServerError('GET /v1/leaderboards/global', 'refused', 503, 'storage down'));
    await flushPromises();
    expect(flow.screen()).toMatchObject({ global: { status: 'failed', problem: 'refused' } });
    const content = flow.content();
    expect(content.name === 'leaderboard' && content.body.kind).toBe('global-failed');
  });
});

describe('the global board after an unsent best is delivered', () => {
  async function globalRowsWithUnsentBest() {
    const context = setup();
    const { flow, state } = context;
    state.unsentBest = 900;
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    flow.perform({ kind: 'tab', tab: 'global' });
    state.boards[0]?.resolve([{ rank: 1, openId: 'me', displayName: 'Me', score: 400 }]);
    await flushPromises();
    flow.frame(16);
    const content = flow.content();
    expect(content.name === 'leaderboard' && content.body.kind === 'global-rows' && content.body.hint).toBe(
      'Your 900 isn’t here yet: it goes once the game server has it',
    );
    return context;
  }

  it('reloads the rows, keeping the old ones on screen meanwhile, once the outbox delivers it', async () => {
    const { flow, state } = await globalRowsWithUnsentBest();
    flow.frame(16);
    expect(state.boards).toHaveLength(1);
    state.unsentBest = null;
    flow.frame(16);
    expect(state.boards).toHaveLength(2);
    expect(flow.screen()).toMatchObject({ global: { status: 'ready', entries: [{ score: 400 }] } });
    state.boards[1]?.resolve([{ rank: 1, openId: 'me', displayName: 'Me', score: 900 }]);
    await flushPromises();
    expect(flow.screen()).toMatchObject({ global: { status: 'ready', entries: [{ score: 900 }] } });
    const content = flow.content();
    expect(
      content.name === 'leaderboard' && content.body.kind === 'global-rows' && content.body.hint,
    ).not.toContain('isn’t here yet');
    flow.frame(16);
    expect(state.boards).toHaveLength(2);
  });

  it('keeps the rows it has when that reload fails', async () => {
    const { flow, state } = await globalRowsWithUnsentBest();
    state.unsentBest = null;
    flow.frame(16);
    state.boards[1]?.reject(new ServerError('GET /v1/leaderboards/global', 'unreachable', 0, 'down'));
    await flushPromises();
    expect(flow.screen()).toMatchObject({ global: { status: 'ready', entries: [{ score: 400 }] } });
  });
});

describe('invites, toasts, the delivery line and a card opened in the background', () => {
  it('tells the player what became of an invite, for a while', async () => {
    const { flow, state, clock } = setup();
    flow.perform({ kind: 'invite' });
    await flushPromises();
    expect(flow.toast()).toBe('Invite sent!');
    state.story = { sent: false, reason: 'cancelled' };
    flow.perform({ kind: 'story' });
    await flushPromises();
    expect(flow.toast()).toBe('Story not shared');
    clock.now += TOAST_MS;
    flow.frame(16);
    expect(flow.toast()).toBeNull();
  });

  it("redraws the results when the run's delivery changes", () => {
    const { flow, mode, deliveries, changes } = setup();
    flow.perform({ kind: 'play', level: 1 });
    botPlays(flow, mode);
    flow.frame(16);
    const before = changes();
    flow.frame(16);
    expect(changes()).toBe(before);
    deliveries.set('run-1', { kind: 'saved', verdict: { best: 1, rank: 1, newBest: true } });
    flow.frame(16);
    expect(changes()).toBe(before + 1);
    const content = flow.content();
    expect(content.name === 'results' && content.delivery.text).toBe('Global board: saved ✓');
  });

  it('greets on the menu with a card opened while the game was in the background', () => {
    const { flow, state, changes } = setup();
    const before = changes();
    flow.show({ beat: '300' });
    expect(state.resumed).toBe(1);
    expect(changes()).toBe(before + 1);
    const content = flow.content();
    expect(content.name === 'menu' && content.greeting).toBe('Ava challenges you: beat 300 points!');
    expect(flow.audience()).toEqual({ openId: 'me', authorized: false });
  });
});

describe('sharing once per intent', () => {
  it('opens one picker however often "Invite friends" is tapped while it is open', async () => {
    const { flow, state } = setup();
    const picker = deferred<{ sent: true }>();
    state.pendingInvite = picker.promise;
    flow.perform({ kind: 'invite' });
    flow.perform({ kind: 'invite' });
    flow.perform({ kind: 'invite' });
    expect(state.invites).toBe(1);
    picker.resolve({ sent: true });
    await flushPromises();
    expect(flow.toast()).toBe('Invite sent!');
    state.pendingInvite = null;
    flow.perform({ kind: 'invite' });
    expect(state.invites).toBe(2);
  });

  it('asks for a newer TikTok where direct message cards are not there, and opens nothing', () => {
    const { flow, state } = setup();
    state.canInvite = false;
    flow.perform({ kind: 'invite' });
    expect(state.invites).toBe(0);
    expect(flow.toast()).toBe('Invites need a newer TikTok: update the app');
  });
});

describe('recovery without a tap', () => {
  async function failedGlobalBoard() {
    const setupResult = setup();
    const { flow, state } = setupResult;
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    flow.perform({ kind: 'tab', tab: 'global' });
    state.boards.at(-1)?.reject(new ServerError('GET /v1/leaderboards/global', 'unreachable', null, 'down'));
    await flushPromises();
    expect(flow.screen()).toMatchObject({ global: { status: 'failed', problem: 'unreachable' } });
    return setupResult;
  }

  it('reloads a failed global board after a backoff, longer each time, and stops once it loads', async () => {
    const { flow, state, timers } = await failedGlobalBoard();
    expect(timers.pendingDelays()).toEqual([2_000]);
    await timers.advance(2_000);
    expect(state.boards).toHaveLength(2);
    state.boards[1]?.reject(new ServerError('GET /v1/leaderboards/global', 'unreachable', null, 'down'));
    await flushPromises();
    expect(timers.pendingDelays()).toEqual([4_000]);
    await timers.advance(4_000);
    state.boards[2]?.resolve([{ rank: 1, openId: 'me', displayName: 'Me', score: 5 }]);
    await flushPromises();
    expect(flow.screen()).toMatchObject({ global: { status: 'ready' } });
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('reloads at once when the game returns to the foreground, or the server or the network is back', async () => {
    const { flow, state, comeBack } = await failedGlobalBoard();
    flow.show({});
    expect(state.boards).toHaveLength(2);
    state.boards[1]?.reject(new ServerError('GET /v1/leaderboards/global', 'offline', null, 'offline'));
    await flushPromises();
    comeBack();
    expect(state.boards).toHaveLength(3);
  });

  it('stops retrying a board nobody sees', async () => {
    const { flow, timers } = await failedGlobalBoard();
    flow.perform({ kind: 'close' });
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('shows the friend board by itself once TikTok answers that access is allowed', async () => {
    const { flow, state, timers } = setup();
    state.opens.push(async () => ({ kind: 'failed', reason: 'no answer' }));
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    expect(flow.screen()).toMatchObject({ outcome: { kind: 'failed' } });
    state.statusAnswer = 'unknown';
    await timers.advance(2_000);
    expect(flow.screen()).toMatchObject({ outcome: { kind: 'failed' } });
    state.authorized = true;
    await timers.advance(4_000);
    expect(flow.screen()).toMatchObject({ name: 'leaderboard', outcome: { kind: 'authorized' } });
    expect(flow.contextView()).toBe('board');
  });

  it('goes on with the tap once TikTok answers that access is not given yet: the explanation, then the prompt', async () => {
    const { flow, state, timers } = setup();
    state.opens.push(async () => ({ kind: 'failed', reason: 'offline' }));
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    expect(flow.screen()).toMatchObject({ outcome: { kind: 'failed' } });
    const answered = deferred<FriendBoardOutcome>();
    state.retries.push(() => answered.promise);
    state.statusAnswer = 'not-granted';
    await timers.advance(2_000);
    expect(flow.screen()).toMatchObject({ name: 'leaderboard', retrying: true });
    answered.resolve({ kind: 'authorized', prompted: true });
    await flushPromises();
    expect(flow.screen()).toMatchObject({
      name: 'leaderboard',
      outcome: { kind: 'authorized', prompted: true },
    });
    expect(timers.pendingDelays()).toEqual([]);
  });

  /** The friend board TikTok did not answer for, then the Global tab, whose rows load. */
  async function friendsFailedThenGlobal() {
    const setupResult = setup();
    const { flow, state } = setupResult;
    state.opens.push(async () => ({ kind: 'failed', reason: 'offline' }));
    flow.perform({ kind: 'friend-board', entryPoint: 'main_menu' });
    await flushPromises();
    state.statusAnswer = 'unknown';
    flow.perform({ kind: 'tab', tab: 'global' });
    state.boards.at(-1)?.resolve([{ rank: 1, openId: 'me', displayName: 'Me', score: 5 }]);
    await flushPromises();
    expect(flow.screen()).toMatchObject({
      tab: 'global',
      global: { status: 'ready' },
      outcome: { kind: 'failed' },
    });
    return setupResult;
  }

  it('keeps asking TikTok while the player looks at the Global tab, and has the friend board ready on Friends', async () => {
    const { flow, state, timers, comeBack } = await friendsFailedThenGlobal();
    await timers.advance(2_000);
    expect(state.statusChecks).toBe(1);
    state.authorized = true;
    comeBack();
    await flushPromises();
    // The rows stay in front; only the friends side changed.
    expect(flow.screen()).toMatchObject({
      tab: 'global',
      global: { status: 'ready' },
      outcome: { kind: 'authorized' },
    });
    flow.perform({ kind: 'tab', tab: 'friends' });
    expect(flow.contextView()).toBe('board');
  });

  it('asks again the moment the player is back on Friends, and only then goes on to the explanation', async () => {
    const { flow, state } = await friendsFailedThenGlobal();
    state.statusAnswer = 'not-granted';
    const answered = deferred<FriendBoardOutcome>();
    state.retries.push(() => answered.promise);
    const checks = state.statusChecks;
    flow.perform({ kind: 'tab', tab: 'friends' });
    await flushPromises();
    expect(state.statusChecks).toBe(checks + 1);
    expect(flow.screen()).toMatchObject({ name: 'leaderboard', tab: 'friends', retrying: true });
  });
});
