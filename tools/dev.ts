/**
 * `npm start`: the local TikTok host (simulator) and the game server, side by side.
 *
 * The terminal stays readable: where to open, then only warnings and errors. Every platform call is in
 * the devtools' API calls list; `SERVER_LOG_LEVEL=info npm start` brings back the game server's
 * structured (JSON) request log, `SIM_LOG=1` the simulator's one line per state-changing request.
 *
 * Dev defaults only: the client secret below is the one the local simulator accepts. A real deployment
 * runs `server/` on its own with TikTok's client key and secret in its environment.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLevel } from '../server/index';
import { startSimulator } from '../simulator/index';
import { type DevGameServer, simulatorBests, startDevGameServer } from './devGameServer';

// `npm start` is development unless NODE_ENV says otherwise: the game server allows the simulator's
// secrets only under NODE_ENV=development or test, and treats anything else as production.
process.env.NODE_ENV ??= 'development';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'dist');
const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function readGameConfig(): { app_id?: string; dev?: { port?: number } } {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'game.json'), 'utf8')) as {
      app_id?: string;
      dev?: { port?: number };
    };
  } catch {
    return fail('no dist/game.json: run `npm run build` first (npm start does)');
  }
}

function serverLogLevel(): LogLevel {
  const value = process.env.SERVER_LOG_LEVEL ?? 'warn';
  const level = logLevels.find((name) => name === value);
  return level ?? fail(`SERVER_LOG_LEVEL must be one of ${logLevels.join(', ')}, not "${value}"`);
}

const gameConfig = readGameConfig();
const simulatorPort = Number(process.env.SIM_PORT ?? gameConfig.dev?.port ?? 9527);
const clientSecret = process.env.SIM_CLIENT_SECRET ?? 'simulator-dev-secret';
const logLevel = serverLogLevel();

const optionalPort = (value: string | undefined) => (value === undefined ? undefined : Number(value));
// Set once the game server is up; the simulator starts first because the server needs its address.
let gameServer: DevGameServer | undefined;

const simulator = await startSimulator({
  port: simulatorPort,
  gamePort: optionalPort(process.env.SIM_GAME_PORT),
  contextPort: optionalPort(process.env.SIM_CONTEXT_PORT),
  dataDir: process.env.SIM_DATA_DIR ?? join(root, '.sim-data'),
  packageDir,
  clientSecret,
  log: process.env.SIM_LOG === '1',
  // Development only: the simulator's reset (devtools, every e2e test's fresh world) empties the game
  // server's boards too, in this process; the production server has no such switch.
  onReset: async () => gameServer?.reset(),
  // The devtools' "Game server down": the server stops, so the game meets a refused connection.
  setGameServerDown: async (down) => {
    if (!gameServer) throw new Error('the game server has not started yet');
    await gameServer.setDown(down);
  },
}).catch((error: unknown) => fail(`the simulator did not start: ${String(error)}`));
gameServer = await startDevGameServer({
  port: Number(process.env.GAME_SERVER_PORT ?? 9530),
  dataDir: process.env.SERVER_DATA_DIR ?? join(root, '.server-data'),
  apiBase: process.env.TIKTOK_API_BASE ?? simulator.urls.main,
  clientKey: process.env.TIKTOK_CLIENT_KEY ?? gameConfig.app_id ?? 'your_client_key',
  clientSecret: process.env.TIKTOK_CLIENT_SECRET ?? clientSecret,
  sessionSecret: process.env.SESSION_SECRET ?? 'local-dev-session-secret',
  gameOrigin: process.env.GAME_ORIGIN ?? simulator.urls.game,
  // Development only: the game's test mode (`seed=n`) may choose its run seeds (docs/server.md, "Run seeds").
  devSeeds: true,
  // Development only: the game server starts with the simulator's seeded bests, so both boards agree.
  seededBests: simulatorBests(),
  logLevel,
}).catch(async (error: unknown) => {
  await simulator.close();
  return fail(`the game server did not start: ${String(error)}`);
});

console.log(`
  Open ${simulator.urls.main}/ in a browser: the game on a simulated phone, with devtools.
  Game server ${gameServer.current().url} (log level ${logLevel}; SERVER_LOG_LEVEL=info for every request).
  Ctrl+C stops both.
`);
for (const warning of simulator.warnings) console.warn(`  Note: ${warning}\n`);

const STOP_GRACE_MS = 2_000;
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // A connection a browser keeps open must not keep the terminal (or Playwright's webServer) waiting.
  setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  await Promise.allSettled([gameServer?.close(), simulator.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
