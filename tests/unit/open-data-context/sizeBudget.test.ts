/**
 * The open data context is the part of the sample people copy, and its size is a decision: the bundle,
 * built by the real bundler, gzipped, must stay within openDataContext/size-budget.json. Raise the
 * budget in the same change that needs it, and say why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleOpenDataContext,
  gzippedBytes,
  OPEN_DATA_CONTEXT_ENTRY,
  PRIVATE_MEMBER,
  renamedProperties,
  sizeBudget,
} from '../../../tools/openDataContextBundle';

const CONTEXT_SOURCES = OPEN_DATA_CONTEXT_ENTRY.replace(/[\\/]main\.ts$/, '');

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

  it('is plain ASCII, every other character escaped, so a runtime that reads it without a charset sees the same words', async () => {
    const script = await bundleOpenDataContext();
    expect([...script].filter((character) => character.charCodeAt(0) > 0x7f)).toEqual([]);
    expect(script.includes('Loading friends\\u2026'), 'the ellipsis written as \\u2026').toBe(true);
  });

  it('fails on a planted 1 KB growth', async () => {
    const grown = gzippedBytes(await bundleOpenDataContext(undefined, [plantGrowth(1024)]));
    expect(grown - actual).toBeGreaterThanOrEqual(1024);
    expect(grown).toBeGreaterThan(budget);
  });
});

/**
 * The bundle shortens every property whose name ends in `_` (PRIVATE_MEMBER). That is safe only while
 * the context's private members, and nothing else, are named so: a private member without the mark is
 * bytes lost; any other property with it (a platform field, a message field, the stats the tests read)
 * would be renamed on one side of the bundle's edge only.
 */
describe('private member names', () => {
  const contextSources = readdirSync(CONTEXT_SOURCES)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(join(CONTEXT_SOURCES, name), 'utf8') }));

  it('every private member of the context ends in _', () => {
    const unmarked = contextSources.flatMap(({ name, text }) =>
      [...text.matchAll(/\bprivate\s+(?:readonly\s+)?(?:async\s+)?(?:get\s+)?([A-Za-z$][\w$]*)/g)]
        .map((match) => match[1] ?? '')
        .filter((member) => !PRIVATE_MEMBER.test(member))
        .map((member) => `${name}: ${member}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('no other name in the bundle ends in _', async () => {
    const declared = new Set(
      contextSources.flatMap(({ text }) =>
        [...text.matchAll(/\bprivate\s+(?:readonly\s+)?(?:async\s+)?(?:get\s+)?([A-Za-z$][\w$]*)/g)].map(
          (match) => match[1] ?? '',
        ),
      ),
    );
    const renamed = await renamedProperties();
    expect(renamed.filter((name) => !declared.has(name))).toEqual([]);
    expect(renamed.length).toBeGreaterThan(50);
  });
});
