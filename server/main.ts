/** `npm run server`: the game server on its own, configured by the environment (see docs/server.md). */
import { startGameServer } from './index';

const server = await startGameServer();
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
