import { describe, expect, it } from 'vitest';
import { createContextSurface } from '../../../assets/scripts/shell/index';
import { type ContextMessage, parseContextMessage } from '../../../assets/scripts/social/protocol';

function setup() {
  const sent: ContextMessage[] = [];
  const surface = createContextSurface({ openDataContext: () => ({ postMessage: (m) => sent.push(m) }) });
  return { sent, surface };
}

const board = {
  view: 'board' as const,
  rect: { x: 20, y: 100, width: 300, height: 400 },
  viewport: { width: 340, height: 640 },
  pixelRatio: 3,
  you: { openId: 'open-you' },
  authorized: true,
};

describe('context surface', () => {
  it('sends valid show and hide messages, once per change', () => {
    const { sent, surface } = setup();
    surface.show(board);
    surface.show({ ...board });
    surface.show({ ...board, rect: { ...board.rect, height: 300 } });
    surface.hide();
    surface.hide();
    surface.prefetch();
    expect(sent.map((m) => m.type)).toEqual(['show', 'show', 'hide', 'prefetch']);
    for (const message of sent) expect(parseContextMessage(message, 1_000).ok).toBe(true);
    expect(sent[0]).toEqual({ v: 1, type: 'show', ...board });
  });

  it('forwards a press that starts inside the rect in surface coordinates, to its release', () => {
    const { sent, surface } = setup();
    surface.show(board);
    expect(surface.pointer('down', 10, 10, 1)).toBe(false);
    expect(surface.pointer('move', 30, 110, 2)).toBe(false);
    expect(surface.pointer('down', 70, 150, 3)).toBe(true);
    expect(surface.pointer('move', 70, 90, 4)).toBe(true);
    expect(surface.pointer('up', 70, 90, 5)).toBe(true);
    expect(surface.pointer('move', 70, 150, 6)).toBe(false);
    expect(sent.slice(1)).toEqual([
      { v: 1, type: 'pointer', phase: 'down', x: 50, y: 50, time: 3 },
      { v: 1, type: 'pointer', phase: 'move', x: 50, y: -10, time: 4 },
      { v: 1, type: 'pointer', phase: 'up', x: 50, y: -10, time: 5 },
    ]);
  });

  it('ignores pointers while hidden and survives a missing open data context', () => {
    const surface = createContextSurface({
      openDataContext: () => {
        throw new Error('no open data context');
      },
    });
    expect(surface.pointer('down', 50, 150, 1)).toBe(false);
    surface.show(board);
    expect(surface.current()).toEqual(board);
    expect(surface.pointer('down', 50, 150, 1)).toBe(true);
  });
});
