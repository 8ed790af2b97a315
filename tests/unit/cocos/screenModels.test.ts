import { describe, expect, it } from 'vitest';
import { consentModel } from '../../../assets/scripts/cocos/consentModel';
import { BOARD_AREA, globalRows, leaderboardModel } from '../../../assets/scripts/cocos/leaderboardModel';
import { menuModel } from '../../../assets/scripts/cocos/menuModel';
import { resultsModel } from '../../../assets/scripts/cocos/resultsModel';
import type { ScreenModel } from '../../../assets/scripts/cocos/screenModel';
import { toastBox } from '../../../assets/scripts/cocos/screenModel';
import {
  FRIENDS_ALTERNATIVE_COPY,
  type FriendBoardOutcome,
  GLOBAL_FAILURE_COPY,
  type GlobalBoardState,
} from '../../../assets/scripts/shell/index';

const ids = (model: ScreenModel): string[] => model.buttons.map((button) => button.id);
const enabledIds = (model: ScreenModel): string[] =>
  model.buttons.filter((button) => button.enabled).map((button) => button.id);
const texts = (model: ScreenModel): string[] => model.texts.map((spec) => spec.text);

const READY: GlobalBoardState = {
  status: 'ready',
  youOpenId: 'me',
  entries: [
    { rank: 1, openId: 'a', displayName: 'Ava', score: 12_000 },
    { rank: 2, openId: 'me', displayName: '', score: 3_000 },
    { rank: 3, openId: 'b', displayName: '', score: 900 },
  ],
};

describe('menu model', () => {
  it('offers every level, enables the unlocked ones and plays the selected one', () => {
    const model = menuModel({ levelCount: 3, unlocked: 2, selected: 2, greeting: null });
    expect(ids(model)).toEqual(['level-1', 'level-2', 'level-3', 'play', 'friend-board', 'invite', 'story']);
    expect(enabledIds(model)).toEqual(['level-1', 'level-2', 'play', 'friend-board', 'invite', 'story']);
    const play = model.buttons.find((button) => button.id === 'play');
    expect(play).toMatchObject({ label: 'Play level 2', action: { kind: 'play', level: 2 } });
    expect(model.buttons.find((button) => button.id === 'level-2')?.style).toBe('chip-on');
    expect(model.name).toBe('menu');
  });

  it('never plays a locked level, whatever was selected', () => {
    const model = menuModel({ levelCount: 3, unlocked: 1, selected: 3, greeting: null });
    expect(model.buttons.find((button) => button.id === 'play')?.action).toEqual({ kind: 'play', level: 1 });
  });

  it('leaves the best line to the open data context, in a box of the notice node aspect', () => {
    const model = menuModel({ levelCount: 3, unlocked: 1, selected: 1, greeting: null });
    expect(model.panel).toEqual({ view: 'best', box: { x: 0, y: 240, width: 640, height: 200 } });
    expect(texts(model).some((line) => /best/i.test(line))).toBe(false);
  });

  it('shows the challenge greeting only when launched from a card', () => {
    const greeting = 'Ava challenges you: beat 3,000 points!';
    expect(texts(menuModel({ levelCount: 3, unlocked: 1, selected: 1, greeting }))).toContain(greeting);
    expect(texts(menuModel({ levelCount: 3, unlocked: 1, selected: 1, greeting: null }))).not.toContain(
      greeting,
    );
  });

  it('lays chips side by side inside the 640 unit column', () => {
    const chips = menuModel({ levelCount: 3, unlocked: 3, selected: 1, greeting: null }).buttons.slice(0, 3);
    const edges = chips.map((chip) => [chip.box.x - chip.box.width / 2, chip.box.x + chip.box.width / 2]);
    expect(edges[0]?.[0]).toBeCloseTo(-320, 6);
    expect(edges[2]?.[1]).toBeCloseTo(320, 6);
    expect((edges[1]?.[0] ?? 0) - (edges[0]?.[1] ?? 0)).toBeCloseTo(16, 6);
  });
});

describe('results model', () => {
  const result = { level: 1, score: 2_450, completed: true, runId: 'run-1' };

  it('shows the score, the notice view and the delivery line, never its own "New best!"', () => {
    const model = resultsModel({ result, stars: 7, delivery: null });
    expect(texts(model)).toEqual(['Level 1 complete!', '2450', '7 stars caught', 'Global board: saving…']);
    expect(model.panel).toEqual({ view: 'notice', box: { x: 0, y: 150, width: 640, height: 200 } });
    expect(texts(model).join(' ')).not.toMatch(/new best/i);
  });

  it('offers the next level after a completed level, and a retry otherwise', () => {
    const next = resultsModel({ result, stars: 0, delivery: null });
    expect(ids(next)).toEqual(['next', 'menu', 'friend-board', 'invite', 'story']);
    expect(next.buttons[0]?.action).toEqual({ kind: 'play', level: 2 });
    const failed = resultsModel({ result: { ...result, completed: false }, stars: 0, delivery: null });
    expect(ids(failed)[0]).toBe('retry');
    expect(failed.buttons[0]?.action).toEqual({ kind: 'play', level: 1 });
    expect(texts(failed)[0]).toBe('Out of lives');
  });

  it('marks a saved run in the success tone', () => {
    const model = resultsModel({
      result,
      stars: 0,
      delivery: { kind: 'saved', verdict: { best: 2_450 } as never },
    });
    const line = model.texts.find((spec) => spec.text.startsWith('Global board'));
    expect(line).toMatchObject({ text: 'Global board: saved ✓', tone: 'success' });
  });

  it('sends the friend board button with the results entry point', () => {
    const model = resultsModel({ result, stars: 0, delivery: null });
    expect(model.buttons.find((button) => button.id === 'friend-board')?.action).toEqual({
      kind: 'friend-board',
      entryPoint: 'results',
    });
  });
});

describe('leaderboard model', () => {
  const authorized: FriendBoardOutcome = { kind: 'authorized', prompted: false };
  const loading: GlobalBoardState = { status: 'loading' };

  it('shows the friend board in the board node after consent, with an invite', () => {
    const model = leaderboardModel({
      tab: 'friends',
      outcome: authorized,
      global: loading,
      retrying: false,
      canOpenSettings: false,
    });
    expect(ids(model)).toEqual(['close', 'tab-friends', 'tab-global', 'invite']);
    expect(model.panel).toEqual({ view: 'board', box: { ...BOARD_AREA } });
    expect(model.board).toBe('friends:authorized');
    expect(model.buttons[1]?.style).toBe('chip-on');
  });

  it.each(['not-now', 'declined', 'partly-granted'] as const)('explains %s in its own words', (kind) => {
    const model = leaderboardModel({
      tab: 'friends',
      outcome: { kind },
      global: loading,
      retrying: false,
      canOpenSettings: false,
    });
    expect(texts(model)).toContain(FRIENDS_ALTERNATIVE_COPY[kind].title);
    expect(texts(model)).toContain(FRIENDS_ALTERNATIVE_COPY[kind].body);
    expect(ids(model)).toEqual(['close', 'tab-friends', 'tab-global', 'show-global', 'retry-auth']);
    expect(model.panel).toBeNull();
    expect(model.board).toBe(`friends:${kind}`);
  });

  it('after a refusal, points at the settings page when the platform has one', () => {
    const settings = (canOpenSettings: boolean) =>
      leaderboardModel({
        tab: 'friends',
        outcome: { kind: 'turned-off' },
        global: loading,
        retrying: false,
        canOpenSettings,
      });
    const label = (model: ScreenModel) => model.buttons.find((button) => button.id === 'retry-auth')?.label;
    expect(label(settings(true))).toBe('Open settings');
    expect(texts(settings(true))).toContain(
      'You said no earlier, so TikTok won’t ask again. Open settings and allow your profile and friend list.',
    );
    expect(label(settings(false))).toBe('I turned it on');
    expect(texts(settings(false))).toContain(FRIENDS_ALTERNATIVE_COPY['turned-off'].body);
  });

  it('calls a platform failure a failure and disables "Try again" while it runs', () => {
    const outcome: FriendBoardOutcome = { kind: 'failed', reason: 'timeout' };
    const model = leaderboardModel({
      tab: 'friends',
      outcome,
      global: loading,
      retrying: true,
      canOpenSettings: false,
    });
    expect(texts(model)).toContain(FRIENDS_ALTERNATIVE_COPY.failed.title);
    expect(enabledIds(model)).toEqual(['close', 'tab-friends', 'tab-global', 'show-global']);
    expect(model.buttons.find((button) => button.id === 'show-global')?.action).toEqual({
      kind: 'tab',
      tab: 'global',
    });
  });

  it('draws the global rows itself, "You" where the server knows no name, and no context view', () => {
    const model = leaderboardModel({
      tab: 'global',
      outcome: authorized,
      global: READY,
      retrying: false,
      canOpenSettings: false,
    });
    expect(model.panel).toBeNull();
    expect(model.board).toBe('global:ready');
    expect(texts(model)).toEqual(
      expect.arrayContaining(['1', 'Ava', '12,000', '2', 'You', '3,000', '3', 'Player', '900']),
    );
    expect(texts(model)).toContain('Everyone who plays lands here. Play on to climb!');
    expect(model.texts.find((spec) => spec.text === 'You')).toMatchObject({ tone: 'accent', bold: true });
    expect(ids(model)).toEqual(['close', 'tab-friends', 'tab-global']);
  });

  it('names the server problem and offers a retry', () => {
    const global: GlobalBoardState = { status: 'failed', problem: 'unreachable', reason: 'offline' };
    const model = leaderboardModel({
      tab: 'global',
      outcome: { kind: 'declined' },
      global,
      retrying: false,
      canOpenSettings: false,
    });
    expect(texts(model)).toEqual(
      expect.arrayContaining([GLOBAL_FAILURE_COPY.unreachable.title, GLOBAL_FAILURE_COPY.unreachable.body]),
    );
    expect(ids(model)).toContain('retry-global');
    expect(model.board).toBe('global:unreachable');
  });

  it('keeps every button inside the 720×1280 design and off the board area', () => {
    const model = leaderboardModel({
      tab: 'friends',
      outcome: authorized,
      global: loading,
      retrying: false,
      canOpenSettings: false,
    });
    const boardTop = BOARD_AREA.y + BOARD_AREA.height / 2;
    const boardBottom = BOARD_AREA.y - BOARD_AREA.height / 2;
    for (const { box, id } of model.buttons) {
      expect(Math.abs(box.x) + box.width / 2, id).toBeLessThanOrEqual(360);
      expect(Math.abs(box.y) + box.height / 2, id).toBeLessThanOrEqual(640);
      const inside = box.y - box.height / 2 < boardTop && box.y + box.height / 2 > boardBottom;
      expect(inside, id).toBe(false);
    }
  });
});

describe('global rows', () => {
  it('truncates long names and marks yours', () => {
    const global: GlobalBoardState = {
      status: 'ready',
      youOpenId: 'me',
      entries: [{ rank: 4, openId: 'me', displayName: 'A very long display name indeed', score: 1_234_567 }],
    };
    expect(globalRows(global, 10)).toEqual([
      { rank: '4', name: 'A very long display n… (you)', score: '1,234,567', isYou: true },
    ]);
  });

  it('shows no more rows than fit, and none before the board is ready', () => {
    expect(globalRows(READY, 2)).toHaveLength(2);
    expect(globalRows({ status: 'loading' }, 10)).toEqual([]);
  });
});

describe('consent model', () => {
  it('asks with Continue and Not now', () => {
    const model = consentModel();
    expect(model.buttons.map((button) => [button.id, button.action])).toEqual([
      ['consent-continue', { kind: 'consent', goOn: true }],
      ['consent-not-now', { kind: 'consent', goOn: false }],
    ]);
    expect(model.name).toBe('consent');
  });
});

describe('toast box', () => {
  it('sits at the bottom unless a button is there, then at the top', () => {
    const menu = menuModel({ levelCount: 3, unlocked: 1, selected: 1, greeting: null });
    expect(toastBox(menu.buttons).y).toBe(-580);
    const [first] = menu.buttons;
    if (!first) throw new Error('the menu has buttons');
    const low = [{ ...first, box: { x: 0, y: -580, width: 100, height: 80 } }];
    expect(toastBox(low).y).toBe(580);
  });
});
