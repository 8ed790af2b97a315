import { expect, type Locator, test } from '@playwright/test';
import {
  callIn,
  expectEventually,
  gameFrame,
  openFreshMainFrame,
  type SimWindow,
  useSimulator,
} from './harness';

/** The devtools as a tool: answers beside the click, lists that scroll once, views that follow the player. */

const simulator = useSimulator();
// Tall enough for the whole phone, so the only scroll areas are the devtools' own.
test.use({ viewport: { width: 1280, height: 900 } });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box (hidden?)');
  return found;
}

test('the answer to a click appears beside the button, inside the viewport, for success and failure', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await openFreshMainFrame(page, main);
  const faults = page.getByRole('region', { name: 'Faults' });
  const apply = faults.getByRole('button', { name: 'Apply faults' });
  await faults.getByLabel('Latency (ms)').fill('25');
  await apply.click();
  const status = faults.getByRole('status');
  await expect(status).toHaveText('✓ Faults applied');
  expect((await (await request.get(`${main}/__sim/faults`)).json()).latencyMs).toBe(25);

  const button = await box(apply);
  const answer = await box(status);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  expect(answer.y).toBeGreaterThanOrEqual(0);
  expect(answer.y + answer.height).toBeLessThanOrEqual(viewport.height);
  // On the button's line, just right of it: where the eye is after the click.
  expect(Math.abs(answer.y + answer.height / 2 - (button.y + button.height / 2))).toBeLessThan(12);
  expect(answer.x).toBeGreaterThanOrEqual(button.x + button.width);
  expect(answer.x).toBeLessThan(button.x + button.width + 160);

  // A refusal answers in the same place, in the server's words, and changes nothing.
  await faults.getByLabel('Failure rate').fill('3');
  await apply.click();
  await expect(status).toHaveText(/^✗ failureRate must be 0\.\.1/);
  expect((await (await request.get(`${main}/__sim/faults`)).json()).failureRate).toBe(0);
  await request.post(`${main}/__sim/faults`, { data: { latencyMs: 0 } });
});

test('the cloud viewer follows the active player after a switch, and keeps a choice until the next one', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await openFreshMainFrame(page, main);
  const player = page.getByRole('region', { name: 'Player' });
  const cloud = page.getByRole('region', { name: 'Cloud storage' });
  const viewer = cloud.getByRole('combobox');
  const highScore = cloud.locator('tr', { hasText: 'highScore' }).first();
  await expect(viewer).toHaveValue('sim-ava');
  await expect(highScore).toContainText('3000');

  await player.getByLabel('Active user').selectOption('sim-leo');
  await player.getByRole('button', { name: 'Switch' }).click();
  await expect(player.getByRole('status')).toHaveText('✓ Playing as Léo 🎮 Martin');
  await expect(player.locator('.who')).toContainText('sim-leo');
  await expect(viewer).toHaveValue('sim-leo');
  await expect(highScore).toContainText('4200');

  // Looking at someone else sticks while the player stays the same…
  await viewer.selectOption('sim-zoe');
  await expect(highScore).toContainText('1800');
  // Two more of the devtools' once-a-second refreshes (each reads the viewed player's cloud) keep it.
  for (let refresh = 0; refresh < 2; refresh += 1)
    await page.waitForResponse((response) => response.url().includes('/__sim/cloud/'));
  await expect(viewer).toHaveValue('sim-zoe');
  // …and a switch made elsewhere (the control API) brings the viewer back to the player.
  await request.post(`${main}/__sim/user`, { data: { openId: 'sim-ava' } });
  await expect(viewer).toHaveValue('sim-ava');
  await expect(highScore).toContainText('3000');
  await expect(page.getByRole('combobox', { name: 'Active user' })).toHaveValue('sim-ava');
});

/** Elements from the list up to the document that scroll because their content overflows. */
function scrollAreas(list: Locator): Promise<string[]> {
  return list.evaluate((start) => {
    const areas: string[] = [];
    for (let node: HTMLElement | null = start as HTMLElement; node; node = node.parentElement) {
      const { overflowY } = getComputedStyle(node);
      const scrolls =
        node === document.documentElement
          ? node.scrollHeight > innerHeight
          : /auto|scroll/.test(overflowY) && node.scrollHeight > node.clientHeight;
      if (scrolls) areas.push(node.id || node.className || node.tagName.toLowerCase());
    }
    return areas;
  });
}

test('API calls: each row has its time, the list scrolls in one place, a reset starts it again', async ({
  page,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const before = Date.now();
  await game.evaluate(() => {
    const report = (globalThis as unknown as SimWindow).tt.reportAnalytics as (n: string, d: object) => void;
    for (let i = 0; i < 80; i++) report('tick', { i });
  });
  const pane = page.getByRole('region', { name: 'API calls' });
  const rows = pane.locator('.log > li');
  await expect(rows).toHaveCount(80);
  await expect(pane.locator('.count')).toHaveText('80 calls, 0 failed');

  const time = rows.first().locator('time');
  await expect(time).toHaveText(/^\d{2}:\d{2}:\d{2}\.\d{3}$/);
  const at = Date.parse((await time.getAttribute('datetime')) ?? '');
  expect(at).toBeGreaterThanOrEqual(before - 1000);
  expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  // The shown time is that instant on the browser's clock.
  const expected = await time.evaluate((node) => {
    const date = new Date((node as HTMLTimeElement).dateTime);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
  });
  await expect(time).toHaveText(expected);

  // Wide window: the list is its own (only) scroll area; narrow: the panel is, and the list is not.
  const list = pane.locator('.log');
  expect(await scrollAreas(list)).toEqual(['log']);
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect.poll(() => scrollAreas(list)).toEqual(['devtools']);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The filter narrows the list without losing the count.
  await pane.getByRole('searchbox', { name: 'Filter API calls' }).fill('login');
  await expect(pane.locator('.count')).toHaveText('0 of 80 calls, 0 failed');
  await pane.getByRole('searchbox', { name: 'Filter API calls' }).fill('');

  // A reset empties the server's log and restarts its numbering; the pane must still show new calls.
  const player = page.getByRole('region', { name: 'Player' });
  await player.getByRole('button', { name: 'Reset simulator' }).click();
  await expect(player.getByRole('status')).toContainText('Simulator reset');
  await expect(rows).toHaveCount(0);
  await expectEventually(() => gameFrame(page).evaluate(() => 'fixture' in globalThis));
  expect((await callIn(gameFrame(page), 'login')).ok).toBe(true);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-api', 'login');
});
