import { RedisScoreStorage } from '../../../server/storage/redis';
import { useRedis } from './redisServer';
import { describeStorageContract } from './storageContract';

const redis = useRedis();

describeStorageContract('Redis', async (options) => {
  const client = redis().connect();
  await client.flushall();
  return new RedisScoreStorage(client, options);
});
