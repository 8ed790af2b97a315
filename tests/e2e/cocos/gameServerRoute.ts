import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, test } from '@playwright/test';
import { GAME_SERVER_URL } from '../../../assets/scripts/platform/buildConfig';
import { readPackageConfig } from '../../../simulator/server/packageConfig';
import { type DevGameServer, simulatorBests, startDevGameServer } from '../../../tools/devGameServer';
import { clientSecret, ports, type TestSimulator } from '../simulator/harness';
import { engineDir, enginePackage } from './enginePage';

/**
 * A game server for a Cocos journey, as `npm start` runs one beside its simulator: it signs players in
 * through the spec's simulator and starts with the simulator's seeded bests. The package asks the build's
 * GAME_SERVER_URL (npm start's port, taken by the e2e run's own simulator), so the page's requests there
 * are sent on to this server; while `down`, they meet a refused connection, as on a phone whose server is
 * down. Call at the top of the file, after useCocosJourney.
 */
export function useGameServer(simulator: TestSimulator) {
  let server: DevGameServer | null = null;
  let dataDir = '';
  let down = false;
  test.beforeAll(async () => {
    if (!engineDir) return;
    // The server takes the simulator's secrets only where NODE_ENV says this is not production.
    process.env.NODE_ENV ??= 'test';
    dataDir = mkdtempSync(join(tmpdir(), 'cocos-game-server-'));
    server = await startDevGameServer({
      port: ports.port + 3,
      dataDir,
      apiBase: simulator.sim.urls.main,
      clientKey: (await readPackageConfig(await enginePackage())).appId,
      clientSecret,
      gameOrigin: simulator.sim.urls.game,
      devSeeds: true,
      seededBests: simulatorBests(),
      logLevel: 'warn',
    });
  });
  test.afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const running = (): DevGameServer => {
    if (!server) throw new Error('the game server starts in beforeAll; use it inside a test');
    return server;
  };
  return {
    /** Sends the page's requests to GAME_SERVER_URL on to this server (or refuses them while down). */
    async attach(page: Page): Promise<void> {
      const target = running().current().url;
      await page.route(`${GAME_SERVER_URL}/**`, async (route) => {
        if (down) return route.abort('connectionrefused');
        const url = route.request().url().replace(GAME_SERVER_URL, target);
        try {
          await route.fulfill({ response: await route.fetch({ url }) });
        } catch {
          await route.abort('connectionrefused');
        }
      });
    },
    setDown(value: boolean): void {
      down = value;
    },
    /** The server's stored boards, emptied, with the seeded bests written again (a fresh world). */
    reset: () => running().reset(),
  };
}
