/**
 * Both editions put each screen's parts at the same height: the Canvas 2D edition's layouts
 * (minigame/screens/, CSS px, top-left origin) and the Cocos models (assets/scripts/cocos/*Model.ts, design
 * units, centre origin, y up) on the same phones, compared as fractions of the screen height from the top:
 * the titles, every button both have, and where the open data context's views go. A change to one edition's
 * layout that the other does not follow fails here.
 */
import { describe, expect, it } from 'vitest';
import { friendBoardBox } from '../../../assets/scripts/cocos/leaderboardModel';
import { modelOf } from '../../../assets/scripts/cocos/models';
import type { Box, ScreenModel, ScreenSize } from '../../../assets/scripts/cocos/screenModel';
import type { ScreenContent } from '../../../assets/scripts/shell/index';
import { layoutOf } from '../../../minigame/screens/index';
import type { Rect } from '../../../minigame/ui';
import type { View } from '../../../minigame/view';
import { boardContentOf, contentOf, menuContentOf, resultsContentOf } from '../shell/screenFixtures';

/** How far apart the two editions may put the same part: 1.5% of the screen height (about 13 px). */
const TOLERANCE = 0.015;

const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 430, height: 932 },
] as const;

/** A 2D context that draws nothing and remembers where each text went. */
function textRecorder(): { ctx: CanvasRenderingContext2D; texts: Map<string, number> } {
  const texts = new Map<string, number>();
  const inert: unknown = new Proxy(() => inert, {
    get: () => inert,
    apply: () => inert,
    set: () => true,
  });
  const ctx = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (name === 'fillText')
          return (text: string, _x: number, y: number) => {
            if (!texts.has(text)) texts.set(text, y);
          };
        if (name === 'measureText') return (text: string) => ({ width: text.length * 8 });
        return inert;
      },
      set: () => true,
    },
  ) as CanvasRenderingContext2D;
  return { ctx, texts };
}

interface Heights {
  texts: Map<string, number>;
  buttons: Map<string, number>;
  context: { top: number; centre: number } | null;
}

function canvasHeights(content: ScreenContent, phone: { width: number; height: number }): Heights {
  const { ctx, texts } = textRecorder();
  const view: View = { ctx, width: phone.width, height: phone.height, pixelRatio: 1, beginFrame: () => {} };
  const layout = layoutOf(content, view);
  layout.draw(ctx);
  const fraction = (y: number) => y / phone.height;
  const rectTop = (rect: Rect) => fraction(rect.y);
  return {
    texts: new Map([...texts].map(([text, y]) => [text, fraction(y)])),
    buttons: new Map(
      layout.buttons.map((button) => [button.id, fraction(button.rect.y + button.rect.height / 2)]),
    ),
    context: layout.contextRect
      ? {
          top: rectTop(layout.contextRect),
          centre: fraction(layout.contextRect.y + layout.contextRect.height / 2),
        }
      : null,
  };
}

function cocosHeights(content: ScreenContent, screen: ScreenSize): { model: ScreenModel; heights: Heights } {
  const model = modelOf(content, screen);
  const fraction = (y: number) => (screen.height / 2 - y) / screen.height;
  const boxTop = (box: Box) => fraction(box.y + box.height / 2);
  return {
    model,
    heights: {
      texts: new Map(model.texts.map((spec) => [spec.text.replace(/\n/g, ' '), fraction(spec.box.y)])),
      buttons: new Map(model.buttons.map((button) => [button.id, fraction(button.box.y)])),
      context: model.panel ? { top: boxTop(model.panel.box), centre: fraction(model.panel.box.y) } : null,
    },
  };
}

const screenOf = (phone: { width: number; height: number }): ScreenSize => ({
  width: 720,
  height: (720 * phone.height) / phone.width,
  px: 720 / phone.width,
});

function expectSameHeights(canvas: Heights, cocos: Heights, parts: { texts: string[]; buttons: string[] }) {
  for (const text of parts.texts) {
    expect(canvas.texts.get(text), `Canvas draws "${text}"`).toBeDefined();
    expect(cocos.texts.get(text), `Cocos lays out "${text}"`).toBeDefined();
    expect(Math.abs((cocos.texts.get(text) ?? 0) - (canvas.texts.get(text) ?? 0)), `"${text}"`).toBeLessThan(
      TOLERANCE,
    );
  }
  for (const id of parts.buttons) {
    expect(canvas.buttons.get(id), `Canvas button ${id}`).toBeDefined();
    expect(cocos.buttons.get(id), `Cocos button ${id}`).toBeDefined();
    expect(
      Math.abs((cocos.buttons.get(id) ?? 0) - (canvas.buttons.get(id) ?? 0)),
      `button ${id}`,
    ).toBeLessThan(TOLERANCE);
  }
}

describe.each(PHONES)('both editions on a $width×$height phone', (phone) => {
  const screen = screenOf(phone);

  it('menu: the title from the top, the best line under it, levels, play and social buttons from the bottom', () => {
    const content = menuContentOf(1, 3);
    const canvas = canvasHeights(content, phone);
    const { heights: cocos } = cocosHeights(content, screen);
    expectSameHeights(canvas, cocos, {
      texts: [content.title, content.tagline],
      buttons: ['level-1', 'play', 'friend-board', 'invite', 'story'],
    });
    // The open data context's best line: the Cocos strip is taller, its line is drawn in its middle.
    expect(Math.abs((cocos.context?.centre ?? 0) - (canvas.context?.centre ?? 1))).toBeLessThan(TOLERANCE);
  });

  it('results: the title, the score and the notice from the top, the next steps from the bottom', () => {
    const content = resultsContentOf();
    const canvas = canvasHeights(content, phone);
    const { heights: cocos } = cocosHeights(content, screen);
    expectSameHeights(canvas, cocos, {
      texts: [content.title, content.score, content.summary, content.delivery.text],
      buttons: ['next', 'menu', 'friend-board', 'invite', 'story'],
    });
    expect(Math.abs((cocos.context?.top ?? 0) - (canvas.context?.top ?? 1))).toBeLessThan(TOLERANCE);
    expect(Math.abs((cocos.context?.centre ?? 0) - (canvas.context?.centre ?? 1))).toBeLessThan(TOLERANCE);
  });

  it('friend board: title, close and tabs from the top, the board from under the tabs', () => {
    const content = boardContentOf({});
    const canvas = canvasHeights(content, phone);
    const { heights: cocos } = cocosHeights(content, screen);
    expectSameHeights(canvas, cocos, {
      texts: [content.title],
      buttons: ['close', 'tab-friends', 'tab-global'],
    });
    expect(Math.abs((cocos.context?.top ?? 0) - (canvas.context?.top ?? 1))).toBeLessThan(TOLERANCE);
    // SubContextView keeps its aspect, so the Cocos board ends where that aspect ends it when the Canvas
    // board, which fills its area, is taller; the invite follows each board's bottom.
    const board = friendBoardBox(screen);
    const cocosBottom = (screen.height / 2 - (board.y - board.height / 2)) / screen.height;
    const canvasBottom = 1 - 84 / phone.height;
    expect(cocosBottom).toBeLessThanOrEqual(canvasBottom + TOLERANCE);
    const aspectBottom = (cocos.context?.top ?? 0) + (640 * (1500 / 960)) / screen.height;
    expect(Math.abs(cocosBottom - Math.min(canvasBottom, aspectBottom))).toBeLessThan(TOLERANCE);
    expect((cocos.buttons.get('invite') ?? 0) - cocosBottom).toBeCloseTo(
      (canvas.buttons.get('invite') ?? 0) - canvasBottom,
      2,
    );
  });

  it('the explanation: centred, its title and choices at the same heights', () => {
    const content = contentOf({ name: 'consent' });
    if (content.name !== 'consent') throw new Error('consent content');
    const canvas = canvasHeights(content, phone);
    const { heights: cocos } = cocosHeights(content, screen);
    expectSameHeights(canvas, cocos, {
      texts: [content.title],
      buttons: ['consent-continue', 'consent-not-now'],
    });
  });
});
