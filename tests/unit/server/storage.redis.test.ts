import { afterAll, beforeAll } from 'vitest';
import { RedisScoreStorage } from '../../../server/storage/redis.js';
import { type RunningRedis, startRedis } from './redisServer.js';
import { describeStorageContract } from './storageContract.js';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
}, 15_000);
afterAll(async () => {
  await redis?.stop();
});

describeStorageContract('Redis', async () => {
  const client = redis.connect();
  await client.flushall();
  return new RedisScoreStorage(client);
});
