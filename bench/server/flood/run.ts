/**
 * One client flooding the game server at full speed, and what it does to another client's board reads.
 *
 * Three processes, as in production: the game server (logging at info, as deployed), a flooder (one
 * address, one player: reads without and with a session and run submissions, as fast as its
 * connections are answered; nearly all refused) and this process, the victim: many signed-in players
 * reading the top of the all-time board and around themselves, one read at a time. The victim's p50
 * and p99 with the flood are compared with its own quiet figures, measured in turns with them (quiet,
 * flood, floor, eight times) so the machine's load moves all alike.
 *
 * The floor: the same flooder aimed at a bare Node server in another process that answers everything
 * 429 and does nothing else, while the victim reads the game server. Nothing of the flood reaches the
 * game server then, so what the victim still loses is the machine's: the flooder's and the kernel's
 * share of the two cores. No server can do better than that.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';
import type { ScoreEntry } from '../../../server/storage/types';
import { startRedisServer } from '../../../tools/redisServer';
import { percentile, seededRandom } from '../measure';

const here = dirname(fileURLToPath(import.meta.url));
const SESSION_SECRET = 'flood-benchmark-session-secret-0123456789';
const PLAYERS = 100_000;
/** Victims rotate over this many players, so none of them reaches its own read limit. */
const VICTIMS = 3000;
const NOW = Date.now();

export interface FloodOptions {
  backend: 'sqlite' | 'redis';
  /** Victim reads per phase, and rounds of quiet, flood and floor phases in turn. */
  reads?: number;
  rounds?: number;
  /** The flooder's connections (its requests in flight); by default the server's cap per address. */
  connections?: number;
  /** The flooder opens a new connection for every request instead of keeping them alive. */
  fresh?: boolean;
  /** What the flooder sends: a mix (default), board reads only (`get`) or run submissions only (`post`). */
  mode?: 'mixed' | 'get' | 'post';
  log?: (line: string) => void;
}

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface FloodReport {
  backend: 'sqlite' | 'redis';
  quiet: Latency;
  flood: Latency;
  floor: Latency;
  /** flood / quiet, p50 and p99. */
  ratio: Latency;
  /** floor / quiet: the least a flood costs the victim on this machine. */
  floorRatio: Latency;
  /** The flooder against the game server: requests per second, and the share answered 429. */
  floodRate: number;
  refusedShare: number;
  floorRate: number;
  /** The game server's CPU spent on the flood, in cores (its CPU in flood phases beyond the quiet ones). */
  floodCpuCores: number;
  /** Log the game server wrote because of the flood (beyond the victim's own), in bytes per second. */
  logBytesPerSecond: number;
}

function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
}

function playerId(index: number): string {
  return `p:${String(index).padStart(12, '0')}`;
}

function entries(): ScoreEntry[] {
  const random = seededRandom(1);
  return Array.from({ length: PLAYERS }, (_, i) => ({
    openId: playerId(i),
    score: Math.floor(random() * 4000),
    achievedAt: NOW - Math.floor(random() * 6 * 24 * 3600 * 1000),
  }));
}

function startChild(script: string, args: string[], env: NodeJS.ProcessEnv, stdout: number | 'ignore') {
  const child = fork(join(here, script), args, {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
  return { child, next };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSecondsOf(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function getJson(agent: Agent, base: URL, path: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: base.hostname, port: base.port, path, agent, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`victim read answered ${response.statusCode}`));
        response.resume();
        response.on('end', resolve);
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

async function victimReads(base: URL, tokens: string[], reads: number, first: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  for (let i = 0; i < reads; i++) {
    const index = (first + i) % tokens.length;
    const path =
      i % 2 === 0 ? '/v1/leaderboards/global?limit=20' : '/v1/leaderboards/global?around=me&limit=10';
    const begin = performance.now();
    await getJson(agent, base, path, tokens[index] as string);
    latencies.push(performance.now() - begin);
  }
  agent.destroy();
  return latencies;
}

export async function runFloodBenchmark(options: FloodOptions): Promise<FloodReport> {
  // Short phases, many turns: a burst of load on a shared machine falls on every kind of phase alike.
  const reads = options.reads ?? 500;
  const rounds = options.rounds ?? 8;
  const connections = options.connections ?? 64;
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'lb-flood-'));
  const redisServer = options.backend === 'redis' ? await startRedisServer() : null;
  const children: ChildProcess[] = [];
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      TIKTOK_CLIENT_KEY: 'flood-benchmark-key',
      TIKTOK_CLIENT_SECRET: 'flood-benchmark-secret',
      SESSION_SECRET,
      SERVER_DATA_DIR: dir,
      ...(redisServer ? { REDIS_URL: redisServer.url } : {}),
    };
    if (redisServer) {
      const client = new Redis(redisServer.url);
      await new RedisScoreStorage(client).seed('global', entries());
      await client.quit();
    } else {
      const storage = new SqliteScoreStorage(join(dir, 'scores.db'), { cleanupIntervalMs: 0 });
      storage.seed('global', entries());
      await storage.close();
    }
    const logFile = join(dir, 'server.log');
    const logFd = openSync(logFile, 'a');
    const game = startChild('serverProcess.ts', ['game'], env, logFd);
    const bare = startChild('serverProcess.ts', ['null'], env, 'ignore');
    const flooder = startChild('flooder.ts', [], env, 'ignore');
    children.push(game.child, bare.child, flooder.child);
    const gameUrl = (await game.next<{ url: string }>()).url;
    const bareUrl = (await bare.next<{ url: string }>()).url;
    closeSync(logFd);
    log(`flood (${options.backend}): game server ${gameUrl}, bare 429 server ${bareUrl}, ${PLAYERS} players`);

    const tokens = new SessionTokens(SESSION_SECRET, 3_600_000, Date.now);
    const victims = Array.from({ length: VICTIMS }, (_, i) => tokens.issue(playerId(i)).token);
    const flooderToken = tokens.issue('flooder').token;
    const base = new URL(gameUrl);
    let next = 0;
    const victim = async () => {
      const latencies = await victimReads(base, victims, reads, next);
      next += reads;
      return latencies;
    };
    await victim(); // warm-up: code paths compiled, the rank index and connections in place

    const samples = { quiet: [] as number[], flood: [] as number[], floor: [] as number[] };
    const floodTotals = { sent: 0, refused: 0, seconds: 0, cpu: 0, logBytes: 0 };
    const floorTotals = { sent: 0, seconds: 0 };
    for (let round = 0; round < rounds; round++) {
      let cpuBefore = cpuSecondsOf(game.child);
      const quietLogBefore = statSync(logFile).size;
      samples.quiet.push(...(await victim()));
      // The victim's reads cost the same in every phase: what a flood phase costs beyond it is the flood's.
      const quietCpu = cpuSecondsOf(game.child) - cpuBefore;
      const quietLog = statSync(logFile).size - quietLogBefore;

      for (const [target, into] of [
        [gameUrl, samples.flood],
        [bareUrl, samples.floor],
      ] as const) {
        const logBefore = statSync(logFile).size;
        cpuBefore = cpuSecondsOf(game.child);
        flooder.child.send({
          start: {
            url: target,
            token: flooderToken,
            connections,
            from: '127.0.0.2',
            fresh: options.fresh,
            mode: options.mode ?? 'mixed',
          },
        });
        await flooder.next();
        await new Promise((resolve) => setTimeout(resolve, 500)); // the flood in full swing
        into.push(...(await victim()));
        flooder.child.send({ stop: true });
        const flood = await flooder.next<{
          sent: number;
          seconds: number;
          byStatus: Record<string, number>;
        }>();
        const cpu = cpuSecondsOf(game.child) - cpuBefore;
        if (target === gameUrl) {
          floodTotals.sent += flood.sent;
          floodTotals.refused += flood.byStatus['429'] ?? 0;
          floodTotals.seconds += flood.seconds;
          floodTotals.cpu += cpu - quietCpu;
          floodTotals.logBytes += statSync(logFile).size - logBefore - quietLog;
          log(
            `  round ${round + 1}: flood ${JSON.stringify(flood.byStatus)} in ${flood.seconds.toFixed(1)} s`,
          );
        } else {
          floorTotals.sent += flood.sent;
          floorTotals.seconds += flood.seconds;
        }
      }
    }
    const quiet = latencyOf(samples.quiet);
    const flood = latencyOf(samples.flood);
    const floor = latencyOf(samples.floor);
    const ratio = (of: Latency): Latency => ({
      p50Ms: of.p50Ms / quiet.p50Ms,
      p99Ms: of.p99Ms / quiet.p99Ms,
    });
    return {
      backend: options.backend,
      quiet,
      flood,
      floor,
      ratio: ratio(flood),
      floorRatio: ratio(floor),
      floodRate: floodTotals.sent / floodTotals.seconds,
      refusedShare: floodTotals.refused / floodTotals.sent,
      floorRate: floorTotals.sent / floorTotals.seconds,
      floodCpuCores: floodTotals.cpu / floodTotals.seconds,
      logBytesPerSecond: floodTotals.logBytes / floodTotals.seconds,
    };
  } finally {
    for (const child of children) child.kill();
    await redisServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The target: no victim percentile above 1.5 times its quiet figure; where the floor (the same flood
 * on a bare 429 server, so none of it on ours) is already above that, the machine is the limit: then no
 * more than the floor.
 */
export const FLOOD_TARGET = 1.5;

export function floodTargetMet(report: FloodReport): boolean {
  return (
    report.ratio.p50Ms <= Math.max(FLOOD_TARGET, report.floorRatio.p50Ms) &&
    report.ratio.p99Ms <= Math.max(FLOOD_TARGET, report.floorRatio.p99Ms)
  );
}

export function formatFloodReport(report: FloodReport): string {
  const ms = (value: number) => value.toFixed(3);
  const x = (value: number) => value.toFixed(2);
  const met = floodTargetMet(report);
  return [
    `| backend | victim quiet p50 / p99 ms | under the flood | ratio p50 / p99 | floor (flood on a bare 429 server) | floor ratio p50 / p99 | flood req/s, refused | floor req/s | server CPU on the flood | log during the flood |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${report.backend} | ${ms(report.quiet.p50Ms)} / ${ms(report.quiet.p99Ms)} | ${ms(report.flood.p50Ms)} / ${ms(report.flood.p99Ms)} | ${x(report.ratio.p50Ms)} / ${x(report.ratio.p99Ms)} | ${ms(report.floor.p50Ms)} / ${ms(report.floor.p99Ms)} | ${x(report.floorRatio.p50Ms)} / ${x(report.floorRatio.p99Ms)} | ${Math.round(report.floodRate)}, ${(report.refusedShare * 100).toFixed(2)} % | ${Math.round(report.floorRate)} | ${(report.floodCpuCores * 100).toFixed(1)} % of a core | ${Math.round(report.logBytesPerSecond)} B/s |`,
    `flood victim ratio ≤ ${FLOOD_TARGET}, or ≤ the floor where the floor is above it (p50 and p99): ${met ? 'met' : 'MISSED'}`,
  ].join('\n');
}
