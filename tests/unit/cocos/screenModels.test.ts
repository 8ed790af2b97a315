import { describe, expect, it } from 'vitest';
import { boardArea, friendBoardBox, leaderboardModel } from '../../../assets/scripts/cocos/leaderboardModel';
import { menuModel } from '../../../assets/scripts/cocos/menuModel';
import { modelOf } from '../../../assets/scripts/cocos/models';
import { resultsModel } from '../../../assets/scripts/cocos/resultsModel';
import {
  DESIGN_SCREEN,
  DESIGN_WIDTH,
  type ScreenModel,
  type ScreenSize,
  toastBox,
} from '../../../assets/scripts/cocos/screenModel';
import type { FlowScreen } from '../../../assets/scripts/shell/index';
import { recordingPainter } from '../games/recordingPainter';
import {
  boardContentOf,
  contentOf,
  globalAtRanks,
  menuContentOf,
  READY,
  resultsContentOf,
} from '../shell/screenFixtures';
import { testGame } from '../testGame';

const ids = (model: ScreenModel): string[] => model.buttons.map((button) => button.id);
const texts = (model: ScreenModel): string[] => model.texts.map((spec) => spec.text);

/** Screens in design units: a 9:16 phone, the simulator's 390×844, a 430×932 phone. */
const phone = (width: number, height: number): ScreenSize => ({
  width: 720,
  height: (720 * height) / width,
  px: 720 / width,
});
const SCREENS: ScreenSize[] = [DESIGN_SCREEN, phone(390, 844), phone(430, 932)];
const TALL = SCREENS[1] as ScreenSize;

/** Every box of a model inside the screen, and no two buttons on top of each other. */
function expectLaidOut(model: ScreenModel, screen: ScreenSize = DESIGN_SCREEN): void {
  for (const { box, id } of model.buttons) {
    expect(Math.abs(box.x) + box.width / 2, id).toBeLessThanOrEqual(DESIGN_WIDTH / 2);
    expect(Math.abs(box.y) + box.height / 2, id).toBeLessThanOrEqual(screen.height / 2);
  }
  model.buttons.forEach((a, i) => {
    for (const b of model.buttons.slice(i + 1)) {
      const apart =
        Math.abs(a.box.x - b.box.x) * 2 >= a.box.width + b.box.width ||
        Math.abs(a.box.y - b.box.y) * 2 >= a.box.height + b.box.height;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
  });
}

describe('the Cocos layouts of the flow content', () => {
  const screens: [string, FlowScreen][] = [
    ['menu', { name: 'menu', selectedLevel: 1 }],
    [
      'results',
      { name: 'results', result: { level: 1, score: 5, completed: true, runId: 'r', summary: 's' } },
    ],
    ['consent', { name: 'consent' }],
    ['play', { name: 'play', play: testGame.startLevel(1, 1), paused: false }],
    ['paused play', { name: 'play', play: testGame.startLevel(1, 1), paused: true }],
  ];
  it.each(screens)(
    'lays out every button of the %s inside the screen, apart, on every phone',
    (_name, flow) => {
      const content = contentOf(flow);
      for (const screen of SCREENS) {
        const model = modelOf(content, screen);
        expectLaidOut(model, screen);
        expect(ids(model).length).toBeGreaterThan(0);
      }
    },
  );

  it('hangs the menu title from the top edge and stands the social buttons on the bottom edge', () => {
    for (const screen of SCREENS) {
      const model = menuModel(menuContentOf(1, 1), screen);
      const [title] = model.texts;
      expect(screen.height / 2 - (title?.box.y ?? 0)).toBeCloseTo(
        Math.max(70 * screen.px, screen.height * 0.16),
        6,
      );
      const invite = model.buttons.find((button) => button.id === 'invite');
      expect((invite?.box.y ?? 0) + screen.height / 2).toBeCloseTo(48 * screen.px, 6);
    }
  });

  it('places the menu chips side by side inside the 640 unit column', () => {
    const chips = menuModel(menuContentOf(1, 3)).buttons.slice(0, 3);
    const edges = chips.map((chip) => [chip.box.x - chip.box.width / 2, chip.box.x + chip.box.width / 2]);
    expect(edges[0]?.[0]).toBeCloseTo(-320, 6);
    expect(edges[2]?.[1]).toBeCloseTo(320, 6);
    expect((edges[1]?.[0] ?? 0) - (edges[0]?.[1] ?? 0)).toBeCloseTo(16, 6);
  });

  it("leaves the menu's best line to the open data context, in a box of the notice node's aspect", () => {
    const model = menuModel(menuContentOf(1, 1));
    // The title 205 units under the top edge of a 9:16 screen, the strip's centre 320 below it.
    expect(model.panel).toEqual({
      view: 'best',
      box: { x: 0, y: 640 - 204.8 - 320, width: 640, height: 200 },
    });
    expect(texts(model).some((line) => /best/i.test(line))).toBe(false);
  });

  it("draws the game's emblem through the painter", () => {
    const model = menuModel(menuContentOf(1, 1));
    const painter = recordingPainter();
    model.painting?.paint(painter, { width: 56, height: 56 });
    expect(painter.calls).toEqual([{ kind: 'circle', x: 28, y: 28, radius: 26, color: '#ffd166' }]);
  });

  it('shows the results notice in the notice node, and the words of the content', () => {
    const model = resultsModel(resultsContentOf());
    expect(texts(model)).toEqual(['Level 1 complete!', '2450', '7 taps', 'Global board: saving…']);
    // The header 102 units under the top edge of a 9:16 screen, the strip's centre 380 below it.
    expect(model.panel).toEqual({
      view: 'notice',
      box: { x: 0, y: 640 - 102.4 - 380, width: 640, height: 200 },
    });
    expect(ids(model)).toEqual(['next', 'menu', 'friend-board', 'invite', 'story']);
  });

  it('shows the friend board in the board node, with every button off the board area', () => {
    for (const screen of SCREENS) {
      const model = leaderboardModel(boardContentOf({}), screen);
      expect(ids(model)).toEqual(['close', 'tab-friends', 'tab-global', 'invite']);
      const board = friendBoardBox(screen);
      expect(model.panel).toEqual({ view: 'board', box: board });
      const boardTop = board.y + board.height / 2;
      const boardBottom = board.y - board.height / 2;
      for (const { box, id } of model.buttons) {
        const inside = box.y - box.height / 2 < boardTop && box.y + box.height / 2 > boardBottom;
        expect(inside, id).toBe(false);
      }
      expectLaidOut(model, screen);
    }
  });

  it("fits the friend board in its area with SubContextView's aspect, from the area's top", () => {
    for (const screen of SCREENS) {
      const area = boardArea(screen);
      const board = friendBoardBox(screen);
      expect(board.y + board.height / 2).toBeCloseTo(area.y + area.height / 2, 6);
      expect(board.height / board.width).toBeCloseTo(1500 / 960, 6);
      expect(board.height).toBeLessThanOrEqual(area.height + 1e-6);
      expect(board.width).toBeLessThanOrEqual(area.width + 1e-6);
      expect(Math.max(board.height / area.height, board.width / area.width)).toBeCloseTo(1, 6);
    }
  });

  it('lays out the alternative, its buttons apart, and no context view', () => {
    const model = leaderboardModel(boardContentOf({ outcome: { kind: 'declined' } }));
    expect(ids(model)).toEqual(['close', 'tab-friends', 'tab-global', 'show-global', 'retry-auth']);
    expect(model.panel).toBeNull();
    expectLaidOut(model);
  });

  it('draws the global rows as labels, yours in the accent tone, as many as fit', () => {
    const model = leaderboardModel(boardContentOf({ tab: 'global', global: READY }));
    expect(texts(model)).toEqual(
      expect.arrayContaining(['1', 'Ava', '12,000', '2', 'You', '3,000', '3', 'Player', '900']),
    );
    expect(model.texts.find((spec) => spec.text === 'You')).toMatchObject({ tone: 'accent', bold: true });
    const many = {
      status: 'ready' as const,
      youOpenId: null,
      entries: Array.from({ length: 20 }, (_, i) => ({
        rank: i + 1,
        openId: `p${i}`,
        displayName: `P${i}`,
        score: 100 - i,
      })),
    };
    const rows = leaderboardModel(boardContentOf({ tab: 'global', global: many }), TALL).texts.filter(
      (spec) => /^P\d+$/.test(spec.text),
    );
    expect(rows).toHaveLength(Math.floor(boardArea(TALL).height / 80));
  });

  it('marks skipped ranks with dots in the rank column, between the two rows', () => {
    const model = leaderboardModel(boardContentOf({ tab: 'global', global: globalAtRanks([1, 79, 80], 80) }));
    const marks = model.texts.filter((spec) => spec.text === '···');
    const rankY = (rank: number) =>
      model.texts.find((spec) => spec.text === String(rank))?.box.y ?? Number.NaN;
    expect(marks).toHaveLength(1);
    expect(marks[0]?.box.y).toBeCloseTo((rankY(1) + rankY(79)) / 2, 6);
    expect(marks[0]?.box.x).toBe(model.texts.find((spec) => spec.text === '1')?.box.x);
  });

  it('puts the toast at the bottom unless a button is there, then at the top', () => {
    const menu = menuModel(menuContentOf(1, 1));
    expect(toastBox(menu.buttons).y).toBe(580);
    expect(toastBox([]).y).toBe(-580);
    expect(toastBox([], TALL).y).toBeCloseTo(60 - TALL.height / 2, 6);
    const [first] = menu.buttons;
    if (!first) throw new Error('the menu has buttons');
    expect(toastBox([{ ...first, box: { x: 0, y: -580, width: 100, height: 80 } }]).y).toBe(580);
  });
});
