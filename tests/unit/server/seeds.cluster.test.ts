import { RedisSeedStore } from '../../../server/seeds/redis';
import { emptyCluster, useRedisCluster } from './redisCluster';
import { describeSeedStoreContract } from './seedsContract';

const cluster = useRedisCluster();

describeSeedStoreContract('Redis Cluster (3 masters)', async () => {
  const client = await emptyCluster(cluster());
  return { store: new RedisSeedStore(client), close: async () => void (await client.quit()) };
});
