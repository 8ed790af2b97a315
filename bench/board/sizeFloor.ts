/**
 * What each part of the open data context costs in the gzipped bundle, and what a context without them
 * would weigh: the production bundle built again with one part swapped for a stub that does nothing
 * (same exports, no behaviour), so the difference is that part's bytes. Read by bench/board/run.ts; the
 * numbers behind the size target in docs/open-data-context.md.
 *
 *   npx tsx bench/board/sizeFloor.ts
 */
import type { Plugin } from 'esbuild';
import { bundleOpenDataContext, gzippedBytes } from '../../tools/openDataContextBundle';

/** A module, by the end of its path, and the JavaScript that replaces it. */
type Stubs = Record<string, string>;

const NOTICE: Stubs = {
  'openDataContext/src/noticeView.ts':
    'export class NoticeView { setSize() {} draw() {} tap() { return null; } }',
  'assets/scripts/social/surpass.ts':
    'export function surpassAfterNewBest() { return { passed: [], nextToBeat: null }; }',
};

const BEST: Stubs = {
  'openDataContext/src/bestKeeper.ts': `export class BestKeeper {
    get state() { return { stored: undefined, pending: null, lastRun: null, failures: 0 }; }
    levelEnded() {} resume() {} load() {}
  }`,
  'openDataContext/src/bestView.ts': 'export class BestView { setSize() {} draw() {} }',
  'assets/scripts/social/keepBest.ts':
    'export function readStoredBest() {} export function decideBestWrite() {}',
};

const SHARE_CARDS: Stubs = {
  'openDataContext/src/cardSender.ts': `export class CardSender {
    status() {} get all() { return new Map(); } send() { return false; }
  }`,
  'assets/scripts/social/shareCard.ts':
    "export function challengeCard() { return { title: '', subtitle: '' }; } export const passedCard = challengeCard;",
  'assets/scripts/social/challenge.ts': "export function challengeQuery() { return ''; }",
};

const PLAYER_TAG: Stubs = {
  'openDataContext/src/playerTag.ts': `export const PLAYER_TAG_KEY = 'playerTag';
    export function rowsWithTag() { return []; }
    export class PlayerTag { get() { return Promise.resolve(null); } }`,
};

/** Every check of a message and of an argument to the platform: accepted as sent. */
const VALIDATION: Stubs = {
  'assets/scripts/social/protocol.ts':
    'export function parseContextMessage(value) { return { ok: true, message: value }; }',
  'assets/scripts/platform/validate.ts':
    'export function checkKeyList() {} export function checkKeyValues() {} export function checkShare() {} export function checkOpenId() {}',
};

/** The row bitmaps scrolling copies, and the avatars cut to circles ahead: drawn every frame instead. */
const ROW_CACHE: Stubs = {
  'openDataContext/src/rowCache.ts':
    'export class RowCache { static create() { return null; } } export const rowsAhead = () => []; export const rowsToPrepare = () => [];',
};

export const PARTS: readonly { name: string; stubs: Stubs }[] = [
  { name: 'results notice (view, who you passed)', stubs: NOTICE },
  { name: 'best keeper (read, decide, write, retry; menu line)', stubs: BEST },
  { name: 'share cards (send, statuses, card texts, challenge link)', stubs: SHARE_CARDS },
  { name: 'player tag (which row is you)', stubs: PLAYER_TAG },
  { name: 'message and argument validation', stubs: VALIDATION },
  { name: 'row bitmap cache (scrolling by copies)', stubs: ROW_CACHE },
];

function stubbing(stubs: Stubs): Plugin {
  return {
    name: 'size-floor-stubs',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const path = args.path.replace(/\\/g, '/');
        const key = Object.keys(stubs).find((end) => path.endsWith(end));
        return key === undefined ? undefined : { contents: stubs[key], loader: 'js' };
      });
    },
  };
}

export interface SizeFloor {
  whole: number;
  parts: { name: string; bytes: number }[];
  /** Without every part above at once: the board, friend data, avatars and the platform wrapper. */
  core: number;
}

export async function measureSizeFloor(): Promise<SizeFloor> {
  const sizeWith = async (stubs: Stubs) =>
    gzippedBytes(await bundleOpenDataContext(undefined, [stubbing(stubs)]));
  const whole = gzippedBytes(await bundleOpenDataContext());
  const parts: SizeFloor['parts'] = [];
  for (const part of PARTS) parts.push({ name: part.name, bytes: whole - (await sizeWith(part.stubs)) });
  const core = await sizeWith(Object.assign({}, ...PARTS.map((part) => part.stubs)));
  return { whole, parts, core };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const layout = Number(process.argv[2] ?? 53_677);
  const { whole, parts, core } = await measureSizeFloor();
  console.log(`whole bundle: ${whole} B gzipped (${(whole / layout).toFixed(3)} × Layout's ${layout} B)`);
  for (const part of parts) console.log(`  ${part.name}: ${part.bytes} B`);
  console.log(`without all of them: ${core} B (${(core / layout).toFixed(3)} × Layout)`);
}
