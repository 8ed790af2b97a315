import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TIKTOK_URL_NOT_IN_DOMAIN_LIST } from '../../../simulator/server/errors';
import { callIn, fixturePackage, openFreshMainFrame, ports, useSimulator } from './harness';

/**
 * With project.config.json `setting.urlCheck` on (a phone always checks), `tt.request` reaches only HTTPS
 * origins declared in game.json `dev.requestDomains`; anything else fails with TikTok's 21100 before a
 * byte is sent.
 */

const DECLARED = 'https://api.starlanes.example';
let packageDir = '';
const simulator = useSimulator(() => {
  packageDir = mkdtempSync(join(tmpdir(), 'sim-domains-'));
  cpSync(fixturePackage, packageDir, { recursive: true });
  const gameJson = JSON.parse(readFileSync(join(packageDir, 'game.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(packageDir, 'game.json'),
    JSON.stringify({ ...gameJson, dev: { port: 9527, requestDomains: [DECLARED] } }),
  );
  writeFileSync(join(packageDir, 'project.config.json'), JSON.stringify({ setting: { urlCheck: true } }));
  return packageDir;
});
test.afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

test('with urlCheck on, only declared HTTPS origins answer; HTTP and undeclared domains fail with 21100', async ({
  page,
}) => {
  const sent: string[] = [];
  await page.route('https://**/*', (route) => {
    sent.push(route.request().url());
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
      body: JSON.stringify({ pong: true }),
    });
  });
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);

  expect(await callIn(game, 'request', { url: `${DECLARED}/v1/ping` })).toMatchObject({
    ok: true,
    result: { statusCode: 200, data: { pong: true } },
  });

  const http = await callIn(game, 'request', { url: `http://localhost:${ports.gamePort}/game.json` });
  expect(http).toEqual({
    ok: false,
    result: {
      errMsg: `request:fail url not in domain list: http://localhost:${ports.gamePort} is plain HTTP; TikTok requests go to HTTPS only`,
      errNo: TIKTOK_URL_NOT_IN_DOMAIN_LIST,
      error: {
        error_code: 21100,
        error_msg: `url not in domain list: http://localhost:${ports.gamePort} is plain HTTP; TikTok requests go to HTTPS only`,
        error_extra: {},
      },
    },
  });

  const undeclared = await callIn(game, 'request', { url: 'https://undeclared.example/v1/ping' });
  expect(undeclared.ok).toBe(false);
  expect(undeclared.result.errNo).toBe(21100);
  expect(undeclared.result.errMsg).toBe(
    'request:fail url not in domain list: https://undeclared.example is not declared in game.json ' +
      `dev.requestDomains (declared: ${DECLARED})`,
  );
  // Refused in the runtime: the undeclared host never saw a request.
  expect(sent).toEqual([`${DECLARED}/v1/ping`]);
});
