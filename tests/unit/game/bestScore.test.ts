import { describe, expect, it } from 'vitest';
import {
  createBestScoreSaver,
  parseStoredBest,
  RETRY_DELAYS_MS,
  type SavedBest,
  STORAGE_KEYS,
} from '../../../assets/scripts/game/index';
import { FakeCloud, FakeScheduler, MemoryStorage } from './fakes';

function setup(storage = new MemoryStorage(), cloud = new FakeCloud()) {
  const scheduler = new FakeScheduler();
  const saved: SavedBest[] = [];
  const saver = createBestScoreSaver(
    { ...storage, ...cloud, setUserCloudStorage: cloud.setUserCloudStorage },
    scheduler,
    (s) => saved.push(s),
  );
  return { storage, cloud, scheduler, saver, saved };
}

describe('best score saver', () => {
  it('saves the first score as highScore (decimal string) and its metadata', async () => {
    const { cloud, saver, scheduler, saved } = setup();
    expect(saver.recordLevelEnd({ score: 1250, level: 1, achievedAt: 1_700_000_000_000 })).toEqual({
      newBest: true,
      previousBest: null,
    });
    await scheduler.advance(0);
    expect(cloud.stored.get('highScore')).toBe('1250');
    expect(JSON.parse(cloud.stored.get('highScoreMeta') ?? '')).toEqual({
      v: 1,
      level: 1,
      achievedAt: 1_700_000_000_000,
    });
    expect(saved).toEqual([
      { best: { score: 1250, level: 1, achievedAt: 1_700_000_000_000 }, previousBest: null },
    ]);
    expect(saver.hasPending()).toBe(false);
  });

  it('leaves the cloud alone when a score does not beat the best, and says so', async () => {
    const { cloud, saver, scheduler } = setup();
    saver.recordLevelEnd({ score: 900, level: 1, achievedAt: 1 });
    await scheduler.advance(0);
    expect(saver.recordLevelEnd({ score: 900, level: 2, achievedAt: 2 })).toEqual({
      newBest: false,
      previousBest: 900,
    });
    expect(saver.recordLevelEnd({ score: 400, level: 2, achievedAt: 3 })).toEqual({
      newBest: false,
      previousBest: 900,
    });
    await scheduler.advance(0);
    expect(cloud.attempts).toBe(1);
    expect(cloud.stored.get('highScore')).toBe('900');
  });

  it('retries a failed save with growing delays until it lands', async () => {
    const { cloud, saver, scheduler, saved } = setup();
    cloud.failing = true;
    saver.recordLevelEnd({ score: 700, level: 1, achievedAt: 5 });
    await scheduler.advance(0);
    expect(scheduler.pendingDelays()).toEqual([RETRY_DELAYS_MS[0]]);
    await scheduler.advance(RETRY_DELAYS_MS[0]);
    expect(scheduler.pendingDelays()).toEqual([RETRY_DELAYS_MS[1]]);
    await scheduler.advance(RETRY_DELAYS_MS[1] + RETRY_DELAYS_MS[2]);
    expect(cloud.attempts).toBe(4);
    expect(saver.hasPending()).toBe(true);
    cloud.failing = false;
    await scheduler.advance(RETRY_DELAYS_MS[3]);
    expect(cloud.stored.get('highScore')).toBe('700');
    expect(saver.hasPending()).toBe(false);
    expect(saved).toHaveLength(1);
    expect(scheduler.pendingDelays()).toEqual([]);
  });

  it('keeps an unsaved best across a restart and saves it on resume', async () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    first.cloud.failing = true;
    first.saver.recordLevelEnd({ score: 1500, level: 2, achievedAt: 9 });
    await first.scheduler.advance(0);
    first.saver.dispose();

    const second = setup(storage);
    expect(second.saver.knownBest()).toBe(1500);
    expect(second.saver.recordLevelEnd({ score: 1400, level: 1, achievedAt: 10 }).newBest).toBe(false);
    await second.saver.resume();
    expect(second.cloud.stored.get('highScore')).toBe('1500');
    expect(second.saved[0]?.best.score).toBe(1500);
    expect(second.saver.hasPending()).toBe(false);
  });

  it('names the previous saved best when a better score replaces it', async () => {
    const { saver, scheduler, saved } = setup();
    saver.recordLevelEnd({ score: 300, level: 1, achievedAt: 1 });
    await scheduler.advance(0);
    saver.recordLevelEnd({ score: 800, level: 1, achievedAt: 2 });
    await scheduler.advance(0);
    expect(saved.map((s) => [s.best.score, s.previousBest])).toEqual([
      [300, null],
      [800, 300],
    ]);
  });

  it('treats malformed local storage as no best', () => {
    const storage = new MemoryStorage();
    storage.values.set(STORAGE_KEYS.savedBest, '{"score":"999"}');
    storage.values.set(STORAGE_KEYS.pendingBest, 'not json');
    const { saver } = setup(storage);
    expect(saver.knownBest()).toBeNull();
    expect(parseStoredBest('{"score":-1,"level":1,"achievedAt":1}')).toBeNull();
    expect(parseStoredBest('{"score":5,"level":0,"achievedAt":1}')).toBeNull();
    expect(parseStoredBest('{"score":5,"level":1,"achievedAt":1}')).toEqual({
      score: 5,
      level: 1,
      achievedAt: 1,
      previousBest: null,
    });
  });
});

describe('best known to the game server', () => {
  it('never lets a lower score overwrite a best the server knows from another device', async () => {
    const { cloud, saver, scheduler } = setup();
    saver.noteServerBest(2500);
    saver.noteServerBest(1200);
    expect(saver.knownBest()).toBe(2500);
    expect(saver.recordLevelEnd({ score: 1300, level: 1, achievedAt: 1 })).toEqual({
      newBest: false,
      previousBest: 2500,
    });
    expect(saver.recordLevelEnd({ score: 2600, level: 3, achievedAt: 2 }).newBest).toBe(true);
    await scheduler.advance(0);
    expect(cloud.attempts).toBe(1);
    expect(cloud.stored.get('highScore')).toBe('2600');
  });

  it('ignores a malformed server best in local storage', () => {
    const storage = new MemoryStorage();
    storage.values.set(STORAGE_KEYS.serverBest, '1e9');
    expect(setup(storage).saver.knownBest()).toBeNull();
  });
});
