/**
 * `npm start`: the local TikTok host (simulator) and the game server, side by side.
 *
 * Dev defaults only: the client secret below is the one the local simulator accepts. A real deployment
 * runs `server/` on its own with TikTok's client key and secret in its environment.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGameServer } from '../server/index';
import { startSimulator } from '../simulator/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'dist');
const gameConfig = JSON.parse(readFileSync(join(packageDir, 'game.json'), 'utf8')) as {
  app_id?: string;
  dev?: { port?: number };
};

const simulatorPort = Number(process.env.SIM_PORT ?? gameConfig.dev?.port ?? 9527);
const clientSecret = process.env.SIM_CLIENT_SECRET ?? 'simulator-dev-secret';

const simulator = await startSimulator({
  port: simulatorPort,
  dataDir: process.env.SIM_DATA_DIR ?? join(root, '.sim-data'),
  packageDir,
  clientSecret,
});
const server = await startGameServer({
  port: Number(process.env.GAME_SERVER_PORT ?? 9530),
  dataDir: process.env.SERVER_DATA_DIR ?? join(root, '.server-data'),
  apiBase: process.env.TIKTOK_API_BASE ?? simulator.urls.main,
  clientKey: process.env.TIKTOK_CLIENT_KEY ?? gameConfig.app_id ?? 'your_client_key',
  clientSecret: process.env.TIKTOK_CLIENT_SECRET ?? clientSecret,
  sessionSecret: process.env.SESSION_SECRET ?? 'local-dev-session-secret',
  gameOrigin: process.env.GAME_ORIGIN ?? simulator.urls.game,
});

console.log(`TikTok host simulator: ${simulator.urls.main}  (open this in a browser)`);
console.log(`Game server:           ${server.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([server.close(), simulator.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
