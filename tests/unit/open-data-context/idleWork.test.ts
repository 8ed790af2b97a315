import { describe, expect, it } from 'vitest';
import { IdleWork } from '../../../openDataContext/src/scheduler';

/** A runtime whose timer tasks run only when the test says so. */
function manualTimers() {
  const tasks = new Map<number, () => void>();
  let nextId = 1;
  return {
    tasks,
    setTimeout(callback: () => void): number {
      const id = nextId++;
      tasks.set(id, callback);
      return id;
    },
    clearTimeout(id: number): void {
      tasks.delete(id);
    },
    /** Runs every task queued so far; returns how many ran. */
    runQueued(): number {
      const queued = [...tasks];
      tasks.clear();
      for (const [, task] of queued) task();
      return queued.length;
    },
  };
}

describe('IdleWork', () => {
  it('keeps one task queued however often it is asked, and runs a piece per task until none is left', () => {
    const timers = manualTimers();
    let piecesLeft = 3;
    const work = new IdleWork(timers, () => {
      piecesLeft -= 1;
      return piecesLeft > 0;
    });
    work.request();
    work.request();
    expect(timers.tasks.size).toBe(1);
    expect(timers.runQueued()).toBe(1);
    expect(piecesLeft).toBe(2);
    expect(timers.runQueued()).toBe(1);
    expect(timers.runQueued()).toBe(1);
    expect(piecesLeft).toBe(0);
    expect(timers.tasks.size).toBe(0);
  });

  it('runs nothing after cancel, and can be asked again', () => {
    const timers = manualTimers();
    let runs = 0;
    const work = new IdleWork(timers, () => {
      runs += 1;
      return false;
    });
    work.request();
    work.cancel();
    expect(timers.runQueued()).toBe(0);
    work.request();
    timers.runQueued();
    expect(runs).toBe(1);
  });

  it('stops asking a runtime whose setTimeout throws, instead of throwing into the frame', () => {
    let attempts = 0;
    const work = new IdleWork(
      {
        setTimeout() {
          attempts += 1;
          throw new Error('setTimeout does not exist on this runtime');
        },
        clearTimeout() {},
      },
      () => false,
    );
    expect(() => work.request()).not.toThrow();
    work.request();
    expect(attempts).toBe(1);
  });
});
