import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER_BINARY = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

export interface RedisServerProcess {
  port: number;
  /** The cluster bus port, when started as a cluster node. */
  busPort: number | null;
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A private redis-server on a free loopback port with its own temp dir and no persistence, for the tests
 * and the benchmark. Fails (never skips) when redis-server is missing, naming what to install. With
 * `clusterNode`, it starts as a Redis Cluster node with no slots yet (tools/redisCluster.ts joins them).
 */
export async function startRedisServer(options: { clusterNode?: boolean } = {}): Promise<RedisServerProcess> {
  if (!existsSync(REDIS_SERVER_BINARY)) {
    throw new Error(
      `redis-server not found at ${REDIS_SERVER_BINARY}: install it (apt-get install redis-server) or set REDIS_SERVER_BIN`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'lb-redis-'));
  const port = await freePort();
  const busPort = options.clusterNode ? await freePort() : null;
  const cluster =
    busPort === null
      ? []
      : [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, 'nodes.conf'),
          '--cluster-port',
          String(busPort),
        ];
  const child: ChildProcess = spawn(
    REDIS_SERVER_BINARY,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      ...cluster,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.once('error', reject);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  // An interrupted run must not leave the server behind.
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  return {
    port,
    busPort,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      process.off('exit', stopOnExit);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
