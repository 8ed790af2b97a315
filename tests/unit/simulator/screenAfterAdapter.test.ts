import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Engine adapters replace document.createElement with one that calls tt.createCanvas for 'canvas'. The
 * simulator's createCanvas must not go through the replaced function (it would call itself forever).
 * Minimal DOM stand-ins: the runtime captures Document.prototype.createElement and the body at start.
 */

class FakeElement {
  attributes: Record<string, string> = {};
  textContent = '';
  width = 0;
  height = 0;
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
}

class FakeDocument {
  body = {
    children: [] as FakeElement[],
    appendChild(child: FakeElement) {
      this.children.push(child);
    },
  };
  documentElement = {
    children: [] as FakeElement[],
    appendChild(child: FakeElement) {
      this.children.push(child);
    },
  };
  createElement(tag: string) {
    return new FakeElement(tag);
  }
}

const fakeDocument = new FakeDocument();
const noop = () => 0;

beforeAll(() => {
  vi.stubGlobal('Document', FakeDocument);
  vi.stubGlobal('document', fakeDocument);
  vi.stubGlobal('window', {
    Image: class {},
    localStorage: {},
    fetch: noop,
    XMLHttpRequest: class {},
    createImageBitmap: noop,
    requestAnimationFrame: noop,
    cancelAnimationFrame: noop,
    setTimeout: noop,
    clearTimeout: noop,
    setInterval: noop,
    clearInterval: noop,
    addEventListener: noop,
  });
});
afterAll(() => vi.unstubAllGlobals());

describe('tt.createCanvas after an adapter replaced document.createElement', () => {
  it('still makes the screen canvas, then offscreen ones', async () => {
    const { createScreen, SCREEN_ATTRIBUTE } = await import('../../../simulator/web/game/screen');
    const screen = createScreen({ windowWidth: 390, windowHeight: 844 } as Parameters<
      typeof createScreen
    >[0]);
    // What the bytedance web-adapter does in devtools mode: an own createElement on the real document.
    let adapterCalls = 0;
    Object.defineProperty(fakeDocument, 'createElement', {
      value: (tag: string) => {
        adapterCalls++;
        if (tag === 'canvas') return screen.createCanvas();
        throw new Error(`adapter createElement(${tag})`);
      },
    });
    const first = fakeDocument.createElement('canvas') as unknown as FakeElement;
    const second = screen.createCanvas() as unknown as FakeElement;
    expect(adapterCalls).toBe(1);
    expect(first).toBeInstanceOf(FakeElement);
    expect([first.tagName, first.width, first.height, first.attributes[SCREEN_ATTRIBUTE]]).toEqual([
      'canvas',
      390,
      844,
      '',
    ]);
    expect(fakeDocument.body.children).toEqual([first]);
    // The screen is held over the viewport by a stylesheet, which a game's `canvas.style = {...}` cannot wipe.
    const [sheet] = fakeDocument.documentElement.children;
    expect(sheet?.tagName).toBe('style');
    expect(sheet?.textContent).toContain(`canvas[${SCREEN_ATTRIBUTE}]`);
    expect(sheet?.textContent).toContain('width: 100vw !important');
    expect(second).not.toBe(first);
    expect(second.attributes[SCREEN_ATTRIBUTE]).toBeUndefined();
  });
});
