import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FRIENDS_TTL_MS } from '../../../openDataContext/src/friendStore';
import { notice } from '../../../openDataContext/src/theme';
import { DEFAULT_LIMITS } from '../../../server/routes/context';
import { SEED_LIFETIME_MS } from '../../../server/seeds/runSeeds';
import { DEV_BUILD_CONFIG } from '../../../tools/buildConfig/settings';
import { bundleOpenDataContext } from '../../../tools/openDataContextBundle';
import { docsPages, prose, read, readmePages } from './docPages';

/** The one number a source file sets with `pattern` (its first group). */
function numberIn(file: string, pattern: RegExp): number {
  const match = read(file).match(pattern);
  if (!match?.[1]) throw new Error(`${file} no longer matches ${pattern}: update this test with the code`);
  return Number(match[1]);
}

const pages = [...docsPages(), ...readmePages()];

describe('the ports the docs quote are the ones the code uses', () => {
  const gameJson = JSON.parse(read('game.json')) as { dev: { port: number } };
  const ports = {
    main: gameJson.dev.port,
    game: numberIn('simulator/index.ts', /game: options\.gamePort \?\? (\d+)/),
    context: numberIn('simulator/index.ts', /context: options\.contextPort \?\? (\d+)/),
    server: numberIn('tools/dev.ts', /GAME_SERVER_PORT \?\? (\d+)\)/),
  };
  const origins = new Set([
    `http://localhost:${ports.main}`,
    `http://localhost:${ports.game}`,
    `http://127.0.0.1:${ports.context}`,
    `http://localhost:${ports.server}`,
  ]);

  it('has the simulator on game.json dev.port and its main origin on the one npm start opens', () => {
    expect(numberIn('tools/dev.ts', /SIM_PORT \?\? gameConfig\.dev\?\.port \?\? (\d+)\)/)).toBe(ports.main);
    expect(numberIn('simulator/index.ts', /main: options\.port \?\? (\d+)/)).toBe(ports.main);
  });

  it('builds the development package for those servers', () => {
    expect(DEV_BUILD_CONFIG.gameServerUrl).toBe(`http://localhost:${ports.server}`);
    expect(new URL(DEV_BUILD_CONFIG.shareImageUrl).origin).toBe(`http://localhost:${ports.game}`);
    expect(new URL(DEV_BUILD_CONFIG.contextShareImageUrl).origin).toBe(`http://127.0.0.1:${ports.context}`);
  });

  for (const page of pages) {
    it(`${page} names only those origins`, () => {
      const named = [...prose(page).matchAll(/http:\/\/(?:localhost|127\.0\.0\.1):\d+/g)].map((m) => m[0]);
      expect(named.filter((origin) => !origins.has(origin))).toEqual([]);
    });
  }

  it('quotes each port next to its part in the architecture page', () => {
    const text = read('docs/architecture.md');
    expect(text).toMatch(new RegExp(`Main Frame[^\\n]*localhost:${ports.main}`));
    expect(text).toMatch(new RegExp(`Game frame[^\\n]*localhost:${ports.game}`));
    expect(text).toMatch(new RegExp(`Open data context[^\\n]*127\\.0\\.0\\.1:${ports.context}`));
    expect(text).toMatch(new RegExp(`Game server[^\\n]*localhost:${ports.server}`));
  });
});

describe('the notice strip', () => {
  const height = numberIn('minigame/screens/results.ts', /const NOTICE_HEIGHT = (\d+);/);

  it("is as tall as the docs say (the Canvas 2D edition's results screen)", () => {
    const quoted = [...prose('docs/open-data-context.md').matchAll(/(\d+) px strip/g)].map((m) =>
      Number(m[1]),
    );
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((px) => px !== height)).toEqual([]);
  });
});

describe('the open data context size', () => {
  // Every "under N kB gzipped" the docs say of the context (kB = 1,000 bytes).
  const claims = pages.flatMap((page) =>
    [...prose(page).matchAll(/under (\d+(?:\.\d+)?) kB gzipped/g)].map((m) => ({ page, kB: Number(m[1]) })),
  );

  it('is quoted as "under N kB gzipped" on the open data context page', () => {
    expect(claims.filter(({ page }) => page === 'docs/open-data-context.md').length).toBeGreaterThan(0);
  });

  it('holds: the bundle as npm run build makes it is under every quoted size', async () => {
    // gzip at its default level, as bench/board measures it.
    const script = await bundleOpenDataContext();
    const gzipped = gzipSync(Buffer.from(script)).length;
    expect(claims.filter(({ kB }) => gzipped >= kB * 1000)).toEqual([]);
  });

  it('promises no less than the size budget allows, when the project keeps one', () => {
    const budgetFile = 'openDataContext/size-budget.json';
    if (!existsSync(budgetFile)) return;
    const budget = JSON.parse(read(budgetFile)) as Record<string, unknown>;
    const bytes = Object.entries(budget).find(
      ([key, value]) => typeof value === 'number' && /gzip|bytes|budget|max/i.test(key),
    )?.[1] as number | undefined;
    expect(bytes, `${budgetFile} holds a byte budget`).toBeTypeOf('number');
    expect(claims.filter(({ kB }) => (bytes ?? 0) > kB * 1000)).toEqual([]);
  });
});

describe('the limits and lifetimes the docs quote', () => {
  /** Every number `pattern` (its first group) finds in a page's prose. */
  const quoted = (page: string, pattern: RegExp) =>
    [...prose(page).matchAll(pattern)].map((m) => Number(m[1]));

  it("the friend data's time to live", () => {
    const seconds = FRIENDS_TTL_MS / 1000;
    const found = quoted('docs/open-data-context.md', /older than (\d+) s \(`FRIENDS_TTL_MS`\)/g);
    expect(found).toEqual([seconds]);
  });

  it("the notice's line height", () => {
    const found = quoted('docs/open-data-context.md', /one line per (\d+) px of its height/g);
    expect(found).toEqual([notice.lineHeight]);
  });

  it("a run seed's lifetime, and the offline runs a player gets a day", () => {
    const days = SEED_LIFETIME_MS / (24 * 60 * 60 * 1000);
    const lifetimes = ['docs/server.md', 'docs/game.md'].flatMap((page) =>
      quoted(page, /(?:Lifetime: |live |past its )(\d+) days/g),
    );
    expect(lifetimes.length).toBeGreaterThanOrEqual(3);
    expect(lifetimes.filter((value) => value !== days)).toEqual([]);
    const offline = ['docs/server.md', 'docs/game.md'].flatMap((page) =>
      quoted(page, /(\d+) (?:times )?a day/g),
    );
    expect(offline.length).toBeGreaterThanOrEqual(3);
    expect(offline.filter((value) => value !== DEFAULT_LIMITS.offlineRunsPerDay)).toEqual([]);
  });
});
