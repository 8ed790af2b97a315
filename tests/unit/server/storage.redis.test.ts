import { RedisScoreStorage } from '../../../server/storage/redis';
import { describeRedisExpiry } from './redisExpiry';
import { useRedis } from './redisServer';
import { describeStorageContract } from './storageContract';

const redis = useRedis();

describeStorageContract('Redis', async (options) => {
  const client = redis().connect();
  await client.flushall();
  return new RedisScoreStorage(client, options);
});

describeRedisExpiry('Redis', async () => {
  const client = redis().connect();
  await client.flushall();
  return { client, storage: new RedisScoreStorage(client) };
});
