import { expect, test } from '@playwright/test';
import { ErrorCode } from '../../../simulator/server/errors';
import { devPorts, runDev } from './devProcess';
import { callIn, expectEventually, type SimWindow } from './harness';

/**
 * "Game server down" under npm start: the game server beside the simulator stops, so the game's requests
 * meet a refused connection, as on a phone whose server is down, while TikTok's own calls still work; it
 * comes back on the same port with its boards kept, and a reset brings it back too.
 */

test.use({ viewport: { width: 1280, height: 900 } });

test('the switch stops the game server and starts it again, with its data kept', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const main = `http://localhost:${devPorts.SIM_PORT}`;
  const server = `http://localhost:${devPorts.GAME_SERVER_PORT}`;
  await runDev({}, async () => {
    await page.goto(`${main}/`);
    const game = () => {
      const frame = page
        .frames()
        .find((candidate) => candidate.url().startsWith(`http://localhost:${devPorts.SIM_GAME_PORT}/`));
      if (!frame) throw new Error('game frame not found');
      return frame;
    };
    await expectEventually(() => game().evaluate(() => 'tt' in globalThis));
    const board = () => callIn(game(), 'request', { url: `${server}/v1/leaderboards/global?limit=3` });
    const before = await board();
    expect(before).toMatchObject({ ok: true, result: { statusCode: 200 } });

    const phone = page.getByRole('region', { name: 'Phone' });
    await phone.getByLabel('Game server down (connections refused)').check();
    await expect(phone.getByRole('status')).toHaveText('✓ Stopped: connections are refused');
    expect(await board()).toMatchObject({ ok: false, result: { errNo: ErrorCode.networkError } });
    await expect(fetch(`${server}/v1/leaderboards/global`)).rejects.toThrow();
    // TikTok is still there: only our server is down.
    expect((await callIn(game(), 'login')).ok).toBe(true);
    expect((await (await request.get(`${main}/__sim/device`)).json()).gameServer).toEqual({
      attached: true,
      down: true,
    });

    const up = await request.post(`${main}/__sim/game-server`, { data: { down: false } });
    expect((await up.json()).gameServer.down).toBe(false);
    await expect(phone.getByLabel('Game server down (connections refused)')).not.toBeChecked();
    const after = await board();
    expect(after).toMatchObject({ ok: true, result: { statusCode: 200 } });
    expect(after.result.data).toEqual(before.result.data);

    // A reset brings a stopped server back with the seeded world.
    await request.post(`${main}/__sim/game-server`, { data: { down: true } });
    await request.post(`${main}/__sim/reset`);
    expect((await fetch(`${server}/v1/leaderboards/global?limit=3`)).status).toBe(200);
    expect((await (await request.get(`${main}/__sim/device`)).json()).gameServer.down).toBe(false);
    await expectEventually(() => game().evaluate(() => 'tt' in (globalThis as unknown as SimWindow)));
  });
});
