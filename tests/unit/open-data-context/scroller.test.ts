import { describe, expect, it } from 'vitest';
import { Scroller } from '../../../openDataContext/src/scroller';

function fling(scroller: Scroller, fromY: number, toY: number, durationMs: number): void {
  scroller.startDrag(fromY, 0);
  const steps = 5;
  for (let i = 1; i <= steps; i += 1)
    scroller.drag(fromY + ((toY - fromY) * i) / steps, (durationMs * i) / steps);
  scroller.release(durationMs);
}

describe('Scroller', () => {
  it('follows the finger within its bounds', () => {
    const scroller = new Scroller();
    scroller.setBounds(1_000, 400);
    scroller.startDrag(300, 0);
    expect(scroller.drag(200, 10)).toBe(true);
    expect(scroller.offset).toBe(100);
    scroller.drag(-1_000, 20);
    expect(scroller.offset).toBe(600);
    expect(scroller.drag(-1_100, 30)).toBe(false);
  });

  it('keeps gliding after a fling, slows down, and stops by itself', () => {
    const scroller = new Scroller();
    scroller.setBounds(100_000, 400);
    fling(scroller, 400, 100, 100);
    expect(scroller.moving).toBe(true);
    const released = scroller.offset;
    let time = 0;
    let frames = 0;
    let lastStep = Number.POSITIVE_INFINITY;
    while (scroller.moving && frames < 1_000) {
      const before = scroller.offset;
      time += 16;
      scroller.step(time);
      const moved = scroller.offset - before;
      expect(moved).toBeLessThanOrEqual(lastStep + 1e-9);
      lastStep = moved;
      frames += 1;
    }
    expect(scroller.offset).toBeGreaterThan(released + 500);
    expect(frames).toBeGreaterThan(30);
    expect(frames).toBeLessThan(400);
  });

  it('stops at the end instead of running past it', () => {
    const scroller = new Scroller();
    scroller.setBounds(800, 400);
    fling(scroller, 400, 0, 60);
    let time = 0;
    while (scroller.moving) {
      time += 16;
      scroller.step(time);
    }
    expect(scroller.offset).toBe(400);
  });

  it('does not fling after a slow drag or a pause before letting go', () => {
    const slow = new Scroller();
    slow.setBounds(10_000, 400);
    fling(slow, 400, 390, 1_000);
    expect(slow.moving).toBe(false);

    const paused = new Scroller();
    paused.setBounds(10_000, 400);
    paused.startDrag(400, 0);
    paused.drag(100, 50);
    paused.release(400);
    expect(paused.moving).toBe(false);
  });
});
