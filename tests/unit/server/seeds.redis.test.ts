import { RedisSeedStore } from '../../../server/seeds/redis';
import { useRedis } from './redisServer';
import { describeSeedStoreContract } from './seedsContract';

const redis = useRedis();

describeSeedStoreContract('Redis', async () => {
  const client = redis().connect();
  await client.flushall();
  return { store: new RedisSeedStore(client), close: async () => void (await client.quit()) };
});
