/**
 * Redis Cluster: the storage on a local 3-master cluster (tools/redisCluster.ts), every player on the
 * four boards a run writes in the default zone, each board in its own slot. Measured against the same
 * commands sent bare from the same client (redisFloors.ts), as throughput with 16 requests in flight;
 * with the CPU each master spends per operation (what one shard can serve), and the memory a board
 * takes per player: its sorted set, the copies of its players' profiles, and the profiles themselves.
 */
import type { Cluster, Redis } from 'ioredis';
import { sortKey } from '../../server/leaderboards/order';
import { RedisScoreStorage } from '../../server/storage/redis';
import { openRedis } from '../../server/storage/redisClient';
import { startRedisCluster } from '../../tools/redisCluster';
import { redisCpuSeconds } from './cpu';
import { type Measurement, measure, seededRandom } from './measure';
import { bareAroundMe, bareSubmitOnCluster } from './redisFloors';
import {
  aroundMeOp,
  GLOBAL_BOARD,
  MAX_BENCH_SCORE,
  NOW,
  playerId,
  RUN_BOARDS,
  seedEntries,
  submitOp,
} from './workload';

export interface ClusterBenchmarkOptions {
  players?: number;
  ops?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface Compared {
  ours: Measurement;
  bare: Measurement;
  /** ours / bare throughput: the median of rounds taken in turns. */
  ratio: number;
  /** Redis CPU per operation on each master (µs), ours. */
  oursUsPerMaster: number[];
  bareUsPerMaster: number[];
  /** This process's CPU per operation (µs): the client library and our storage code. */
  oursClientUs: number;
  bareClientUs: number;
}

export interface ClusterBenchmarkReport {
  players: number;
  seedSeconds: number;
  submit: Compared;
  aroundMe: Compared;
  /** Bytes per player per board: the sorted set, the profile copies; and per player, the profile key. */
  memory: { scores: number; copies: number; profile: number };
}

/** A profile as large as a real one: a short name, and an avatar URL as long as TikTok's CDN gives. */
function profileOf(index: number): string {
  return `${NOW}:${JSON.stringify({
    displayName: `Player ${index}`,
    avatarUrl: `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${index.toString(16).padStart(32, '0')}~c5_100x100.jpeg`,
  })}`;
}

async function usedMemory(nodes: Redis[]): Promise<number> {
  const infos = await Promise.all(nodes.map((node) => node.info('memory')));
  return infos.reduce((sum, info) => sum + Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? 0), 0);
}

async function cpuOf(nodes: Redis[]): Promise<number[]> {
  return Promise.all(nodes.map((node) => redisCpuSeconds(node)));
}

const ROUNDS = 6;

/**
 * Ours and the bare commands in turns (ROUNDS each, alternating), so a burst of load on a shared machine
 * falls on both: the ratio is the median of the rounds' ratios, the figures the sums of all rounds.
 */
async function compared(
  masters: Redis[],
  ops: number,
  concurrency: number,
  ours: () => Promise<unknown>,
  bare: () => Promise<unknown>,
): Promise<Compared> {
  const perRound = Math.ceil(ops / ROUNDS);
  const totals = [ours, bare].map(() => ({
    ops: 0,
    seconds: 0,
    p50: [] as number[],
    p99: [] as number[],
    us: masters.map(() => 0),
    client: 0,
  }));
  const ratios: number[] = [];
  await measure(Math.min(2000, ops), concurrency, ours); // unmeasured: compiled, scripts loaded
  await measure(Math.min(2000, ops), concurrency, bare);
  for (let round = 0; round < ROUNDS; round++) {
    const rates: number[] = [];
    for (const [i, operation] of [ours, bare].entries()) {
      const total = totals[i] as (typeof totals)[0];
      const before = await cpuOf(masters);
      const client = process.cpuUsage();
      const measured = await measure(perRound, concurrency, operation);
      const used = process.cpuUsage(client);
      const after = await cpuOf(masters);
      total.ops += perRound;
      total.seconds += perRound / measured.opsPerSecond;
      total.p50.push(measured.p50Ms);
      total.p99.push(measured.p99Ms);
      total.us = total.us.map((us, m) => us + ((after[m] ?? 0) - (before[m] ?? 0)) * 1e6);
      total.client += used.user + used.system;
      rates.push(measured.opsPerSecond);
    }
    ratios.push((rates[0] ?? 0) / (rates[1] ?? 1));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const summary = (total: (typeof totals)[0]): Measurement => ({
    ops: total.ops,
    opsPerSecond: total.ops / total.seconds,
    p50Ms: median(total.p50),
    p99Ms: median(total.p99),
  });
  const [o, b] = totals as [(typeof totals)[0], (typeof totals)[0]];
  return {
    ours: summary(o),
    bare: summary(b),
    ratio: median(ratios),
    oursUsPerMaster: o.us.map((us) => us / o.ops),
    bareUsPerMaster: b.us.map((us) => us / b.ops),
    oursClientUs: o.client / o.ops,
    bareClientUs: b.client / b.ops,
  };
}

export async function runClusterBenchmark(
  options: ClusterBenchmarkOptions = {},
): Promise<ClusterBenchmarkReport> {
  const players = options.players ?? 1_000_000;
  const ops = options.ops ?? 20_000;
  const concurrency = options.concurrency ?? 16;
  const log = options.log ?? ((line: string) => console.log(line));
  const cluster = await startRedisCluster(3);
  const client = openRedis(cluster.url, true) as Cluster;
  try {
    await new Promise((resolve) => client.once('ready', resolve));
    const masters = client.nodes('master');
    const storage = new RedisScoreStorage(client);
    const seedStart = performance.now();
    const memory = { scores: 0, copies: 0, profile: 0 };
    for (const { board } of RUN_BOARDS) {
      const scores = storage.keys.scores(board);
      const names = storage.keys.names(board);
      let before = await usedMemory(masters);
      for (const chunk of seedEntries(players, seededRandom(1))) {
        for (let start = 0; start < chunk.length; start += 1000) {
          const slice = chunk.slice(start, start + 1000);
          await client.zadd(scores, ...slice.flatMap((e) => [sortKey(e.score, e.achievedAt), e.openId]));
        }
      }
      if (board === GLOBAL_BOARD) memory.scores = ((await usedMemory(masters)) - before) / players;
      before = await usedMemory(masters);
      for (let start = 0; start < players; start += 1000) {
        const ids = Array.from({ length: Math.min(1000, players - start) }, (_, i) => start + i);
        await client.hset(names, ...ids.flatMap((i) => [playerId(i), profileOf(i)]));
      }
      if (board === GLOBAL_BOARD) memory.copies = ((await usedMemory(masters)) - before) / players;
    }
    const before = await usedMemory(masters);
    for (let start = 0; start < players; start += 1000) {
      const ids = Array.from({ length: Math.min(1000, players - start) }, (_, i) => start + i);
      await Promise.all(ids.map((i) => client.set(storage.keys.profile(playerId(i)), profileOf(i))));
    }
    memory.profile = ((await usedMemory(masters)) - before) / players;
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(
      `cluster: seeded ${players} players on ${RUN_BOARDS.length} boards, with profiles, in ${seedSeconds.toFixed(1)} s`,
    );

    const random = seededRandom(7);
    const anyone = () => playerId(Math.floor(random() * players));
    const submitBare = bareSubmitOnCluster(client, storage.keys, RUN_BOARDS, NOW);
    const submit = await compared(masters, ops, concurrency, submitOp(storage, players, random), () =>
      submitBare(anyone(), Math.floor(random() * MAX_BENCH_SCORE)),
    );
    const aroundBare = bareAroundMe(
      client,
      storage.keys.scores(GLOBAL_BOARD),
      storage.keys.names(GLOBAL_BOARD),
      4,
      11,
    );
    const aroundMe = await compared(masters, ops, concurrency, aroundMeOp(storage, players, random), () =>
      aroundBare(anyone()),
    );
    return { players, seedSeconds, submit, aroundMe, memory };
  } finally {
    client.disconnect();
    await cluster.stop();
  }
}

/** The target: our scripts at least as fast as the same commands sent bare. */
export const CLUSTER_SUBMIT_TARGET = 1.0;

export function formatClusterReport(report: ClusterBenchmarkReport): string {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const us = (values: number[]) => values.map((value) => value.toFixed(1)).join(' / ');
  const row = (name: string, c: Compared) =>
    `| ${name} | ${n(c.ours.opsPerSecond)} | ${c.ours.p50Ms.toFixed(3)} / ${c.ours.p99Ms.toFixed(3)} | ${n(c.bare.opsPerSecond)} | ${c.bare.p50Ms.toFixed(3)} / ${c.bare.p99Ms.toFixed(3)} | ${c.ratio.toFixed(2)} | ${us(c.oursUsPerMaster)} | ${us(c.bareUsPerMaster)} | ${c.oursClientUs.toFixed(1)} / ${c.bareClientUs.toFixed(1)} |`;
  const mb = (bytes: number) => ((bytes * 1e6) / 2 ** 20).toFixed(0);
  return [
    `Redis Cluster, 3 masters, ${n(report.players)} players on 4 boards (seeded in ${report.seedSeconds.toFixed(1)} s)`,
    '',
    '| operation | ours ops/s | ours p50 / p99 ms | same commands bare ops/s | bare p50 / p99 ms | ratio | Redis CPU µs per op, each master: ours | bare | Node CPU µs per op: ours / bare |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('submit (4 boards)', report.submit),
    row('around-me', report.aroundMe),
    '',
    `memory per million players: a board's sorted set ${mb(report.memory.scores)} MB, its profile copies ${mb(report.memory.copies)} MB; the profiles themselves ${mb(report.memory.profile)} MB`,
    `cluster submit ratio ≥ ${CLUSTER_SUBMIT_TARGET}: ${report.submit.ratio >= CLUSTER_SUBMIT_TARGET ? 'met' : 'MISSED'}`,
  ].join('\n');
}
