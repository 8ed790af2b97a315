import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RedisClient } from '../storage/redisScript';
import { RedisSeedStore } from './redis';
import { SqliteSeedStore } from './sqlite';
import type { SeedStore } from './types';

/** The seed store beside the scores: on their Redis client, else in `seeds.db` in the data directory. */
export function openSeedStore(
  dataDir: string,
  redis: RedisClient | null,
): { store: SeedStore; close(): void } {
  if (redis) return { store: new RedisSeedStore(redis), close: () => undefined };
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'seeds.db'));
  return {
    store: new SqliteSeedStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
