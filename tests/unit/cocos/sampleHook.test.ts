import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOARD_RESOLUTION, NOTICE_RESOLUTION } from '../../../assets/scripts/cocos/panelResolutions';
import { toViewportRect } from '../../../assets/scripts/cocos/surfaceLayout';
import {
  createLevelProgress,
  type HookServices,
  installSampleHook,
  reportFrame,
} from '../../../assets/scripts/shell/index';
import { contentOf } from '../shell/screenFixtures';
import { testGame } from '../testGame';
import { fakeDisplay, worldBox } from './fakeCc';

const DESIGN = { width: 720, height: 1280 };

describe('toViewportRect (a node world box to game viewport CSS px)', () => {
  it('halves units on a 360 px wide phone and flips y to a top-left origin', () => {
    const display = fakeDisplay(DESIGN, { width: 360, height: 640 }, 2);
    // A 640×104 button centred 220 units below the canvas centre (world 360, 420): its top edge, world
    // y 472, is 808 units below the top of the 1280 unit canvas.
    expect(toViewportRect(display.view, display.screen, worldBox(360, 420, 640, 104))).toEqual({
      x: 20,
      y: 404,
      width: 320,
      height: 52,
    });
  });

  it('adds the letterbox offset under show all', () => {
    const display = fakeDisplay(DESIGN, { width: 400, height: 800 }, 2, 'showAll');
    const s = display.cssPerUnit;
    const rect = toViewportRect(display.view, display.screen, worldBox(360, 640, 720, 1280));
    expect(rect.x).toBeCloseTo(400 / 2 - 360 * s, 6);
    expect(rect.y).toBeCloseTo((800 - 1280 * s) / 2, 6);
    expect(rect.height).toBeCloseTo(1280 * s, 6);
  });
});

describe('the sample hook', () => {
  const services = (): HookServices => ({
    surface: {
      current: () => ({ view: 'notice', rect: { x: 20, y: 45, width: 320, height: 100 } }),
    } as never,
    server: { session: () => ({ openId: 'me' }) } as never,
    launch: () =>
      ({
        challenge: { challengerName: 'Ava', challengerOpenId: 'a', scoreToBeat: 3000 },
        autoplay: true,
        seed: 7,
      }) as never,
    outbox: { pending: () => [{}, {}] } as never,
    runDelivery: (runId: string) =>
      (runId === 'run-1' ? { kind: 'saved', verdict: { best: 1 } } : null) as never,
  });
  const result = { level: 1, score: 10, completed: true, runId: 'run-1', summary: '1 tap' };
  const flow = {
    screen: () => ({ name: 'results', result }) as const,
    content: () => contentOf({ name: 'results', result }),
    lastResult: () => result,
  };

  it('installs on GameGlobal when there is one, and reports what the flow, services and screen say', () => {
    const target: { GameGlobal: { __sample?: unknown } } = { GameGlobal: {} };
    const hook = installSampleHook(target);
    expect(target.GameGlobal.__sample).toBe(hook);
    const play = { x: 20, y: 292, width: 320, height: 52 };
    reportFrame(hook, flow, services(), 'Tally', { buttons: { play }, toast: null });
    expect(hook).toEqual({
      screen: 'results',
      buttons: { play },
      surface: { view: 'notice', rect: { x: 20, y: 45, width: 320, height: 100 } },
      lastResult: result,
      board: null,
      greeting: 'Ava challenges you: beat 3,000 points!',
      openId: 'me',
      frames: 1,
      pendingRuns: 2,
      delivery: 'saved',
      toast: null,
    });
  });
});

describe('level progress', () => {
  it("keeps the unlocked level under the game's storage prefix, ignores junk and only moves forward", () => {
    const store = new Map<string, string>([['tally.unlockedLevel', '2']]);
    const storage = {
      readStorage: (key: string) => store.get(key) ?? null,
      writeStorage: (key: string, value: string) => void store.set(key, value),
    };
    const progress = createLevelProgress(storage, testGame.info);
    expect(progress.unlockedLevel()).toBe(2);
    progress.completeLevel(1);
    expect(store.get('tally.unlockedLevel')).toBe('2');
    progress.completeLevel(2);
    expect(progress.unlockedLevel()).toBe(3);
    progress.completeLevel(3);
    expect(store.get('tally.unlockedLevel')).toBe('3');
    store.set('tally.unlockedLevel', 'x');
    expect(createLevelProgress(storage, testGame.info).unlockedLevel()).toBe(1);
  });
});

describe('the scene and the panel resolutions', () => {
  it('gives the Leaderboard and Notice nodes the design resolutions the models lay out for', () => {
    const scene = JSON.parse(readFileSync('assets/scenes/main.scene', 'utf8')) as Record<string, unknown>[];
    const sizeOf = (name: string): unknown => {
      const index = scene.findIndex((entry) => entry.__type__ === 'cc.Node' && entry._name === name);
      const view = scene.find(
        (entry) =>
          entry.__type__ === 'cc.SubContextView' && (entry.node as { __id__: number }).__id__ === index,
      );
      const { width, height } = (view?._designResolutionSize ?? {}) as { width?: number; height?: number };
      return { width, height };
    };
    expect(sizeOf('Leaderboard')).toEqual(BOARD_RESOLUTION);
    expect(sizeOf('Notice')).toEqual(NOTICE_RESOLUTION);
    const game = scene.find((entry) => 'notice' in entry && 'leaderboard' in entry);
    expect(game).toBeDefined();
  });
});
