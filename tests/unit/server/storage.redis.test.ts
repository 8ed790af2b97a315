import { RedisScoreStorage } from '../../../server/storage/redis.js';
import { useRedis } from './redisServer.js';
import { describeStorageContract } from './storageContract.js';

const redis = useRedis();

describeStorageContract('Redis', async () => {
  const client = redis().connect();
  await client.flushall();
  return new RedisScoreStorage(client);
});
