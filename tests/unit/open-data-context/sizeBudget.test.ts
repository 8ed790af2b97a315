/**
 * The open data context is the part of the sample people copy, and its size is a decision: the bundle,
 * built by the real bundler, gzipped, must stay within openDataContext/size-budget.json. Raise the
 * budget in the same change that needs it, and say why.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleOpenDataContext,
  gzippedBytes,
  OPEN_DATA_CONTEXT_ENTRY,
  sizeBudget,
} from '../../../tools/openDataContextBundle';

/** Text gzip cannot shrink (a fixed pseudo-random sequence), so `bytes` of it add about `bytes` gzipped. */
function incompressible(bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let state = 0x2545f491;
  let text = '';
  // 62 symbols carry a little under 6 bits each: 4/3 characters per byte, and a margin.
  for (let index = 0; index < Math.ceil(bytes * 1.4); index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    text += alphabet[(state >>> 0) % alphabet.length];
  }
  return text;
}

/** Adds a module of `bytes` of growth to the production entry, as a feature that grew would. */
function plantGrowth(bytes: number): Plugin {
  return {
    name: 'planted-growth',
    setup(build) {
      build.onResolve({ filter: /^planted-growth$/ }, () => ({ path: 'planted', namespace: 'planted' }));
      build.onLoad({ filter: /.*/, namespace: 'planted' }, () => ({
        contents: `globalThis.__planted = ${JSON.stringify(incompressible(bytes))};`,
        loader: 'js',
      }));
      build.onLoad({ filter: /openDataContext[\\/]src[\\/]main\.ts$/ }, () => ({
        contents: `import 'planted-growth';\n${readFileSync(OPEN_DATA_CONTEXT_ENTRY, 'utf8')}`,
        loader: 'ts',
        resolveDir: OPEN_DATA_CONTEXT_ENTRY.replace(/[\\/]main\.ts$/, ''),
      }));
    },
  };
}

describe('open data context size budget', () => {
  const budget = sizeBudget().gzipBytes;
  let actual = 0;

  beforeAll(async () => {
    actual = gzippedBytes(await bundleOpenDataContext());
  });

  it('the bundle, gzipped, stays within the committed budget', () => {
    expect(actual).toBeLessThanOrEqual(budget);
  });

  it('fails on a planted 1 KB growth', async () => {
    const grown = gzippedBytes(await bundleOpenDataContext(undefined, [plantGrowth(1024)]));
    expect(grown - actual).toBeGreaterThanOrEqual(1024);
    expect(grown).toBeGreaterThan(budget);
  });
});
