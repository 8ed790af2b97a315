/**
 * The size floor `npm run bench -- board` prints (bench/board/sizeFloor.ts) rebuilds the open data context
 * with parts replaced by stubs. A stub that no longer exports what the code imports from its module breaks
 * that build, and only a benchmark run would notice: this test keeps the stubs in step with the code.
 */
import { describe, expect, it } from 'vitest';
import { measureSizeFloor, PARTS } from '../../../bench/board/sizeFloor';

describe('the size floor of the open data context', () => {
  it('builds with each part stubbed out, and with all of them, every stub taking bytes away', async () => {
    const floor = await measureSizeFloor();
    expect(floor.parts.map((part) => part.name)).toEqual(PARTS.map((part) => part.name));
    for (const part of floor.parts) expect(part.bytes, part.name).toBeGreaterThan(0);
    const smallestWithOnePartOut = Math.min(...floor.parts.map((part) => floor.whole - part.bytes));
    expect(floor.core).toBeLessThan(smallestWithOnePartOut);
  }, 60_000);
});
