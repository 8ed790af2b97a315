import type { Redis } from 'ioredis';

/**
 * CPU time per operation, of Redis (INFO cpu) and of this Node process (process.cpuUsage). On a
 * machine shared with other work, throughput swings with the load; CPU spent per operation does not,
 * so it tells which side a ratio is lost on.
 */
export interface CpuCost {
  /** Redis CPU (user + system, all its threads) per operation, µs. */
  redisUs: number;
  /** This process's CPU per operation, µs (the client library, our storage code, the benchmark loop). */
  clientUs: number;
}

export async function redisCpuSeconds(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const read = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}

/** Runs `work` (which performs `ops` operations) and answers what it cost each side per operation. */
export async function cpuPerOperation<T>(
  client: Redis,
  ops: number,
  work: () => Promise<T>,
): Promise<{ value: T; cpu: CpuCost }> {
  const redisBefore = await redisCpuSeconds(client);
  const clientBefore = process.cpuUsage();
  const value = await work();
  const clientUsed = process.cpuUsage(clientBefore);
  const redisAfter = await redisCpuSeconds(client);
  return {
    value,
    cpu: {
      redisUs: ((redisAfter - redisBefore) * 1e6) / ops,
      clientUs: (clientUsed.user + clientUsed.system) / ops,
    },
  };
}

export function formatCpu(name: string, cost: CpuCost, withClient = true): string {
  const client = withClient ? `, Node ${cost.clientUs.toFixed(1)} µs` : '';
  return `${name}: Redis ${cost.redisUs.toFixed(1)} µs${client}`;
}
