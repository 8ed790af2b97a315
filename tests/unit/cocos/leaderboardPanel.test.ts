import { describe, expect, it } from 'vitest';
import { createLeaderboardPanelLogic } from '../../../assets/scripts/cocos/leaderboardPanelLogic';
import { createContextSurface } from '../../../assets/scripts/shell/contextSurface';
import type { ContextMessage } from '../../../assets/scripts/social/protocol';
import { type FakeDisplay, fakeDisplay, worldBox } from './fakeCc';

const DESIGN = { width: 720, height: 1280 };
const BOARD_RESOLUTION = { width: 640, height: 1000 };
const PLAYER = { view: 'board' as const, openId: 'open-id-me', authorized: true };

/** The scene's Leaderboard node: 640×1000 at (0, 40) under a Canvas centred at (360, 640). */
const PANEL_BOX = worldBox(360, 680, 640, 1000);

function setup(display: FakeDisplay = fakeDisplay(DESIGN, { width: 360, height: 640 }, 2)) {
  const posted: ContextMessage[] = [];
  const surface = createContextSurface({ openDataContext: () => ({ postMessage: (m) => posted.push(m) }) });
  let time = 1000;
  const panel = createLeaderboardPanelLogic({
    surface,
    view: display.view,
    screen: display.screen,
    now: () => time++,
  });
  const placement = { nodeBox: PANEL_BOX, designResolution: BOARD_RESOLUTION };
  return { posted, panel, placement };
}

describe('leaderboard panel (against a stand-in for cc)', () => {
  it('posts show with the board rect in CSS px, top-left origin, on open', () => {
    const { posted, panel, placement } = setup();
    panel.open(PLAYER, placement);
    // 720 design units fill 360 CSS px: 0.5 px per unit. Top edge at world y 1180 of 1280 → 50 px from the top.
    expect(posted).toEqual([
      {
        v: 1,
        type: 'show',
        view: 'board',
        rect: { x: 20, y: 50, width: 320, height: 500 },
        viewport: { width: 360, height: 640 },
        pixelRatio: 2,
        you: { openId: 'open-id-me' },
        authorized: true,
      },
    ]);
  });

  it('fits the shared canvas inside the node keeping its aspect ratio, as SubContextView draws it', () => {
    const { posted, panel } = setup();
    panel.open(PLAYER, { nodeBox: worldBox(360, 640, 640, 500), designResolution: BOARD_RESOLUTION });
    // 640×1000 into 640×500: scale 0.5 → 320×500 units, centred → x from 200 to 520 units.
    expect(posted[0]).toMatchObject({ rect: { x: 100, y: 195, width: 160, height: 250 } });
  });

  it('posts hide once on close and nothing when already closed', () => {
    const { posted, panel, placement } = setup();
    panel.close();
    expect(posted).toEqual([]);
    panel.open(PLAYER, placement);
    panel.close();
    panel.close();
    expect(posted.map((message) => ('type' in message ? message.type : ''))).toEqual(['show', 'hide']);
    expect(posted[1]).toEqual({ v: 1, type: 'hide' });
    expect(panel.isOpen()).toBe(false);
  });

  it('re-sends show on resize only when the rect changes, and never while closed', () => {
    const display = fakeDisplay(DESIGN, { width: 360, height: 640 }, 2);
    const { posted, panel, placement } = setup(display);
    panel.relayout(placement);
    expect(posted).toEqual([]);
    panel.open(PLAYER, placement);
    panel.relayout(placement);
    expect(posted).toHaveLength(1);
    panel.relayout({ ...placement, nodeBox: worldBox(360, 640, 640, 1000) });
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ type: 'show', rect: { x: 20, y: 70, width: 320, height: 500 } });
  });

  it('follows a taller phone: fixed width, more visible height', () => {
    // 390×844 at dpr 3: 720 units → 390 px (0.5417 px/unit), 1558 visible units; Canvas centre moves up.
    const display = fakeDisplay(DESIGN, { width: 390, height: 844 }, 3);
    const { posted, panel } = setup(display);
    const visibleHeight = display.view.getVisibleSize().height;
    panel.open(PLAYER, {
      nodeBox: worldBox(360, visibleHeight / 2 + 40, 640, 1000),
      designResolution: BOARD_RESOLUTION,
    });
    const s = display.cssPerUnit;
    const expected = { x: 40 * s, y: (visibleHeight / 2 - 540) * s, width: 640 * s, height: 1000 * s };
    const rect = (posted[0] as { rect: typeof expected }).rect;
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(rect[key]).toBeCloseTo(expected[key], 6);
    expect(posted[0]).toMatchObject({ viewport: { width: 390, height: 844 } });
    // The context draws a canvas of exactly the design resolution: the size of SubContextView's texture.
    const { pixelRatio } = posted[0] as { pixelRatio: number };
    expect(Math.round(rect.width * pixelRatio)).toBe(BOARD_RESOLUTION.width);
    expect(Math.round(rect.height * pixelRatio)).toBe(BOARD_RESOLUTION.height);
  });

  it('maps a touch to shared-canvas CSS px, origin at the board top-left', () => {
    const { posted, panel, placement } = setup();
    panel.open(PLAYER, placement);
    // 10 units right of the board's left edge (40) and 20 units below its top (1180).
    expect(panel.touch('down', { x: 50, y: 1160 })).toBe(true);
    expect(posted[1]).toEqual({ v: 1, type: 'pointer', phase: 'down', x: 5, y: 10, time: 1000 });
  });

  it('keeps a drag that began on the board going to it, and ignores presses that miss it', () => {
    const { posted, panel, placement } = setup();
    panel.open(PLAYER, placement);
    expect(panel.touch('down', { x: 10, y: 10 })).toBe(false);
    expect(panel.touch('move', { x: 10, y: 10 })).toBe(false);
    expect(posted).toHaveLength(1);
    expect(panel.touch('down', { x: 360, y: 680 })).toBe(true);
    expect(panel.touch('move', { x: 360, y: 100 })).toBe(true);
    expect(panel.touch('up', { x: 360, y: 100 })).toBe(true);
    expect(panel.touch('move', { x: 360, y: 680 })).toBe(false);
    expect(posted.slice(1)).toEqual([
      { v: 1, type: 'pointer', phase: 'down', x: 160, y: 250, time: 1002 },
      { v: 1, type: 'pointer', phase: 'move', x: 160, y: 540, time: 1003 },
      { v: 1, type: 'pointer', phase: 'up', x: 160, y: 540, time: 1004 },
    ]);
  });

  it('maps touches through a letterboxed viewport (show all)', () => {
    // 400×800 CSS at dpr 2 with show all: 720×1280 scales by 1.111 (0.5556 px/unit), 800 - 711.1 = 88.9 px bars.
    const display = fakeDisplay(DESIGN, { width: 400, height: 800 }, 2, 'showAll');
    const { posted, panel, placement } = setup(display);
    panel.open(PLAYER, placement);
    const s = display.cssPerUnit;
    const barTop = (800 - 1280 * s) / 2;
    const rect = (posted[0] as { rect: { x: number; y: number } }).rect;
    expect(rect.x).toBeCloseTo(40 * s, 6);
    expect(rect.y).toBeCloseTo(barTop + 100 * s, 6);
    panel.touch('down', { x: 50, y: 1160 });
    expect(posted[1]).toMatchObject({ phase: 'down' });
    expect((posted[1] as { x: number }).x).toBeCloseTo(10 * s, 6);
    expect((posted[1] as { y: number }).y).toBeCloseTo(20 * s, 6);
  });

  it('forwards no touch while closed', () => {
    const { posted, panel, placement } = setup();
    expect(panel.touch('down', { x: 360, y: 680 })).toBe(false);
    panel.open(PLAYER, placement);
    panel.close();
    expect(panel.touch('down', { x: 360, y: 680 })).toBe(false);
    expect(posted.map((message) => ('type' in message ? message.type : ''))).toEqual(['show', 'hide']);
  });
});
