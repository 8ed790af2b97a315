import { describe, expect, it } from 'vitest';
import { AWAKE_MS, createUploadGate } from '../../../assets/scripts/cocos/uploadGate';

describe('the shared canvas upload gate', () => {
  const clock = () => {
    let time = 1_000;
    return { now: () => time, advance: (ms: number) => (time += ms) };
  };

  it('uploads nothing until the context was told something', () => {
    const { now } = clock();
    expect(createUploadGate(now).due()).toBe(false);
  });

  it('uploads for AWAKE_MS after a wake, then stops while nothing happens', () => {
    const time = clock();
    const gate = createUploadGate(time.now);
    gate.wake();
    expect(gate.due()).toBe(true);
    time.advance(AWAKE_MS);
    expect(gate.due()).toBe(true);
    time.advance(1);
    expect(gate.due()).toBe(false);
  });

  it('a later wake extends the window (each move of a drag is a message); an earlier end never shortens it', () => {
    const time = clock();
    const gate = createUploadGate(time.now);
    gate.wake();
    time.advance(AWAKE_MS - 10);
    gate.wake(100);
    time.advance(50);
    expect(gate.due()).toBe(true);
    gate.wake(1);
    time.advance(40);
    expect(gate.due()).toBe(true);
    time.advance(20);
    expect(gate.due()).toBe(false);
  });

  it('a closed view sleeps at once', () => {
    const time = clock();
    const gate = createUploadGate(time.now);
    gate.wake();
    gate.sleep();
    expect(gate.due()).toBe(false);
  });
});
