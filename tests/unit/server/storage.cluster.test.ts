import type { Cluster, Command } from 'ioredis';

type WriteableStream = Parameters<Cluster['sendCommand']>[1];

import { describe, expect, it } from 'vitest';
import { Boards } from '../../../server/leaderboards/boards';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { emptyCluster, useRedisCluster } from './redisCluster';
import { describeRedisExpiry } from './redisExpiry';
import { describeStorageContract } from './storageContract';

const cluster = useRedisCluster();

describeStorageContract('Redis Cluster (3 masters)', async (options) => {
  return new RedisScoreStorage(await emptyCluster(cluster()), options);
});

describeRedisExpiry('Redis Cluster (3 masters)', async () => {
  const client = await emptyCluster(cluster());
  return { client, storage: new RedisScoreStorage(client) };
});

/** The hash slot of each key, as the cluster computes it. */
async function slotsOf(client: Cluster, keys: readonly string[]): Promise<number[]> {
  return Promise.all(keys.map(async (key) => Number(await client.cluster('KEYSLOT', key))));
}

/** Records every command the storage sends: its name and keys, and when it was sent and answered. */
function recordCommands(client: Cluster) {
  const events: string[] = [];
  const calls: { command: string; keys: string[] }[] = [];
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command: Command, stream?: WriteableStream, node?: unknown) => {
    calls.push({
      command: command.name === 'eval' ? 'evalsha' : command.name,
      keys: command.getKeys().map(String),
    });
    events.push('sent');
    void command.promise.finally(() => events.push('answered')).catch(() => undefined);
    return send(command, stream, node);
  };
  return { events, calls };
}

describe('Redis Cluster layout', () => {
  it('keeps each board in its own slot, spread over the masters', async () => {
    const client = await emptyCluster(cluster());
    const storage = new RedisScoreStorage(client);
    try {
      const boards = new Boards({ zones: ['season-2'] });
      const ids = boards.zones.flatMap((zone) =>
        boards.boardsForRun(zone, Date.UTC(2026, 10, 25)).map((w) => w.board),
      );
      const slots: number[] = [];
      for (const board of ids) {
        const [scores, names] = await slotsOf(client, [
          storage.keys.scores(board),
          storage.keys.names(board),
        ]);
        expect(names, board).toBe(scores);
        slots.push(scores as number);
      }
      expect(new Set(slots).size).toBe(ids.length);
      const masters = new Set(slots.map((slot) => Math.floor(slot / Math.ceil(16384 / 3))));
      expect(masters.size).toBe(3);
    } finally {
      await storage.close();
    }
  });

  it('sends a submission to each board slot at once, and each read as one script in one slot', async () => {
    const client = await emptyCluster(cluster());
    const storage = new RedisScoreStorage(client);
    try {
      const t0 = Date.UTC(2026, 10, 25, 12);
      const boards = new Boards().boardsForRun('default', t0);
      await storage.submitScore(boards, { openId: 'amy', score: 10, achievedAt: t0 });
      const recorded = recordCommands(client);
      const outcome = await storage.submitScore(boards, { openId: 'amy', score: 30, achievedAt: t0 });
      expect(outcome).toEqual({ best: 30, rank: 1, newBest: true });
      // The all-time board's script (keep-best, the best and the rank, at once) and a ZADD LT on each
      // period board: one command per slot, every one sent before the first answer came back.
      const submitted = [...recorded.calls];
      expect(submitted.map((call) => call.command)).toEqual(['evalsha', 'zadd', 'zadd', 'zadd']);
      expect(recorded.events.slice(0, boards.length)).toEqual(boards.map(() => 'sent'));
      const slots: number[] = [];
      for (const { keys } of submitted) {
        const of = await slotsOf(client, keys);
        expect(new Set(of).size).toBe(1);
        slots.push(of[0] as number);
      }
      expect(new Set(slots).size).toBe(boards.length);
      recorded.calls.length = 0;
      await storage.readRanks('global', 1, 10);
      await storage.readAfter('global', { sortKey: 0, openId: 'a' }, 10);
      await storage.readAround('global', 'amy', 4, 10);
      const reads = [...recorded.calls];
      expect(reads.map((call) => call.command)).toEqual(['evalsha', 'evalsha', 'evalsha']);
      for (const { keys } of reads) expect(new Set(await slotsOf(client, keys)).size).toBe(1);
    } finally {
      await storage.close();
    }
  });

  it('shows a saved profile at once on every board the player is on, and on the boards of later runs', async () => {
    const client = await emptyCluster(cluster());
    const storage = new RedisScoreStorage(client);
    try {
      const t0 = Date.UTC(2026, 10, 25, 12);
      const boards = new Boards();
      const today = boards.boardsForRun('default', t0);
      await storage.submitScore(today, { openId: 'amy', score: 30, achievedAt: t0 });
      await storage.saveProfile(
        'amy',
        { displayName: 'Amy', avatarUrl: null },
        t0,
        today.map((w) => w.board),
      );
      for (const { board } of today)
        expect((await storage.readRanks(board, 1, 1))[0]?.displayName, board).toBe('Amy');
      // The next day's board gets the copy with her first run there; it expires with the board.
      const tomorrow = boards.boardsForRun('default', t0 + 86_400_000);
      await storage.submitScore(tomorrow, { openId: 'amy', score: 5, achievedAt: t0 + 86_400_000 });
      const day = tomorrow[1]?.board as string;
      expect((await storage.readRanks(day, 1, 1))[0]?.displayName).toBe('Amy');
      expect(await client.pttl(storage.keys.names(day))).toBeGreaterThan(0);
      // An older profile never replaces a newer copy (a run that read it just before a rename).
      await storage.saveProfile(
        'amy',
        { displayName: 'Amy 2', avatarUrl: null },
        t0 + 10,
        today.map((w) => w.board),
      );
      await client.set(
        storage.keys.profile('amy'),
        `${t0}:${JSON.stringify({ displayName: 'Amy', avatarUrl: null })}`,
      );
      await storage.submitScore(today, { openId: 'amy', score: 40, achievedAt: t0 + 20 });
      expect((await storage.readRanks('global', 1, 1))[0]?.displayName).toBe('Amy 2');
    } finally {
      await storage.close();
    }
  });
});
