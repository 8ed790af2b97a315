/**
 * Run seeds fetched ahead: the game server accepts a run only with a seed it issued to the player, once
 * (docs/server.md, "Run seeds"), and the game must still play offline. So the game keeps a few unused
 * seeds in local storage, fetched at start and after each run, and starts each level with one of them.
 * A seed is dropped from the stock well before it expires on the server, so a run played with it can
 * still wait in the outbox for a while (`SEED_SUBMIT_MARGIN_MS`) and be accepted.
 */
import { MAX_SEED } from '../games/runRecord';
import type { IssuedSeeds } from './serverAnswers';

/** Enough for an offline session of ten levels; the server lets a player hold 100 (server/seeds). */
export const SEED_STOCK_SIZE = 10;
/** A run started with a seed can wait this long for the network before its seed expires (7 days). */
export const SEED_SUBMIT_MARGIN_MS = 2 * 24 * 60 * 60 * 1000;

export interface StockedSeed {
  readonly seed: number;
  /** Local time after which no run starts with it (its expiry less the margin). */
  readonly useBy: number;
}

export interface SeedStockState {
  readonly v: 1;
  /** Whose seeds these are: a seed is valid only for the player it was issued to. */
  readonly openId: string | null;
  readonly seeds: readonly StockedSeed[];
}

export const emptySeedStock = (): SeedStockState => ({ v: 1, openId: null, seeds: [] });

const isSeed = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;

/** Reads the stored stock; malformed entries are dropped one by one. */
export function parseSeedStock(text: string | null): SeedStockState {
  if (text === null) return emptySeedStock();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return emptySeedStock();
  }
  if (typeof value !== 'object' || value === null) return emptySeedStock();
  const { openId, seeds } = value as Record<string, unknown>;
  if (typeof openId !== 'string' || openId.length === 0 || openId.length > 256) return emptySeedStock();
  const stocked: StockedSeed[] = [];
  for (const entry of Array.isArray(seeds) ? seeds.slice(0, SEED_STOCK_SIZE * 2) : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { seed, useBy } = entry as Record<string, unknown>;
    if (isSeed(seed) && Number.isSafeInteger(useBy)) stocked.push({ seed, useBy: useBy as number });
  }
  return { v: 1, openId, seeds: stocked };
}

export interface SeedStockDeps {
  /** The local storage key of the stock (storageKeys() of the game). */
  storageKey: string;
  storage: {
    readStorage(key: string): string | null;
    writeStorage(key: string, value: string): void;
  };
  /** `POST /v1/seeds`; rejects when offline. */
  fetchSeeds(count: number): Promise<IssuedSeeds>;
  /** The server session's player, known once a fetch succeeded. */
  sessionOpenId(): string | null;
  now(): number;
}

export function createSeedStock({ storage, storageKey, fetchSeeds, sessionOpenId, now }: SeedStockDeps) {
  let state = load();
  let refilling: Promise<void> | null = null;

  function load(): SeedStockState {
    try {
      return parseSeedStock(storage.readStorage(storageKey));
    } catch {
      return emptySeedStock();
    }
  }

  function save(next: SeedStockState): void {
    state = next;
    try {
      storage.writeStorage(storageKey, JSON.stringify(state));
    } catch {
      // Storage full: the stock still serves this session; a restart fetches again.
    }
  }

  const usable = (): StockedSeed[] => state.seeds.filter((stocked) => stocked.useBy > now());

  async function fill(): Promise<void> {
    const missing = SEED_STOCK_SIZE - usable().length;
    if (missing <= 0) return;
    const issued = await fetchSeeds(missing);
    const openId = sessionOpenId();
    if (openId === null) return;
    const useBy = now() + issued.expiresInMs - SEED_SUBMIT_MARGIN_MS;
    // Another tab of the same game may have taken seeds meanwhile: merge with what is stored now.
    state = load();
    // Seeds of another player (a shared device) are worthless to this one.
    const kept = state.openId === openId ? usable() : [];
    const known = new Set(kept.map((stocked) => stocked.seed));
    const fresh = issued.seeds.filter((seed) => !known.has(seed)).map((seed) => ({ seed, useBy }));
    save({ v: 1, openId, seeds: [...kept, ...fresh] });
  }

  return {
    /**
     * Takes the oldest usable seed of this player (null when there is none: the level is played on a
     * seed the device draws, sent as an offline run). `player` is who plays now, as far as the game knows.
     */
    take(player: string | null): number | null {
      // Read again: a second tab of the game shares this storage, and must never take the same seed.
      state = load();
      if (player !== null && state.openId !== null && player !== state.openId) {
        save(emptySeedStock());
        return null;
      }
      const [first, ...rest] = usable();
      save({ ...state, seeds: rest });
      return first?.seed ?? null;
    },
    /** Fetches what the stock lacks; never rejects (offline, the stock waits for the next try). */
    refill(): Promise<void> {
      refilling ??= fill()
        .catch(() => undefined)
        .finally(() => {
          refilling = null;
        });
      return refilling;
    },
    /** Usable seeds left. */
    count: (): number => usable().length,
  };
}

export type SeedStock = ReturnType<typeof createSeedStock>;
