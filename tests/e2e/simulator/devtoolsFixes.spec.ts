import { expect, type Locator, test } from '@playwright/test';
import { callIn, openFreshMainFrame, useSimulator } from './harness';

/**
 * The devtools say only true things: a fault naming an API no fault can reach is refused, a status-only
 * check is not a failure, story posts show in the Inbox; and the panel holds from a wide window down to
 * 360 px, its switches on lines of their own.
 */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

test('the Faults form refuses an API it cannot fail, saying why, and changes nothing', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await openFreshMainFrame(page, main);
  const faults = page.getByRole('region', { name: 'Faults' });
  const names = faults.getByLabel('Always fail APIs');
  const apply = faults.getByRole('button', { name: 'Apply faults' });
  await names.fill('setUserCloudStorage, requst');
  await apply.click();
  await expect(faults.getByRole('status')).toHaveText(
    /^✗ failApis: unknown API "requst" \(faults reach login, authorize, getSetting, /,
  );
  await names.fill('request');
  await apply.click();
  await expect(faults.getByRole('status')).toHaveText(
    '✗ failApis: request is the game\'s own HTTP, which no fault reaches; use "Game server down" or "Network down"',
  );
  expect((await (await request.get(`${main}/__sim/faults`)).json()).failApis).toEqual([]);
  const perApi = await request.post(`${main}/__sim/faults`, {
    data: { latencyMs: { getFriendCloudStorge: 500 } },
  });
  expect(perApi.status()).toBe(400);
  expect((await perApi.json()).error).toMatch(/^latencyMs: unknown API "getFriendCloudStorge"/);
  await names.fill('setUserCloudStorage');
  await apply.click();
  await expect(faults.getByRole('status')).toHaveText('✓ Faults applied');
});

test('a status-only check that finds a scope missing is not counted as a failure', async ({ page }) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  const answer = await callIn(game, 'authorizeOpenContext', { get_status_only: true });
  expect(answer.ok).toBe(false);
  await callIn(game, 'shareToStory', { templateType: 7 });
  const pane = page.getByRole('region', { name: 'API calls' });
  await expect(pane.locator('.count')).toHaveText('2 calls, 1 failed');
  const status = pane.locator('li[data-api="authorizeOpenContext"]');
  await expect(status).toHaveClass('status-answer');
  await expect(status.locator('.status')).toHaveAttribute('aria-label', 'status check: not granted');
  await pane.getByLabel('Failures only').check();
  await expect(status).toBeHidden();
  await expect(pane.locator('li[data-api="shareToStory"]')).toBeVisible();
});

test('story posts are listed in the Inbox', async ({ page }) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  const inbox = page.getByRole('region', { name: 'Inbox' });
  await expect(inbox).toContainText('No cards');
  expect((await callIn(game, 'shareToStory')).ok).toBe(true);
  expect((await callIn(game, 'shareToStory', { templateType: 2 })).ok).toBe(true);
  await expect(inbox.locator('li.story')).toContainText(
    /^Shared to your story · 2 posts, latest \d{2}:\d{2}:\d{2}\.\d{3}$/,
  );
  await expect(inbox).not.toContainText('No cards');
});

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box (hidden?)');
  return found;
}

for (const width of [1280, 1000, 760, 360]) {
  test(`at ${width} px wide every devtools section is whole, and the switches do not run together`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openFreshMainFrame(page, simulator.sim.urls.main);
    const devtools = page.locator('#devtools');
    const sections = devtools.locator('section');
    expect(await sections.count()).toBeGreaterThanOrEqual(8);
    for (const section of await sections.all()) {
      const { x, width: w } = await box(section);
      const name = (await section.getAttribute('aria-label')) ?? 'section';
      expect(x, name).toBeGreaterThanOrEqual(0);
      expect(x + w, name).toBeLessThanOrEqual(width);
    }
    // Nothing inside a section is wider than it (a cut-off field or button).
    const overflowing = await devtools.evaluate((root) =>
      [...root.querySelectorAll('section')]
        .filter((section) => section.scrollWidth > section.clientWidth + 1)
        .map((section) => section.getAttribute('aria-label')),
    );
    expect(overflowing).toEqual([]);
    const faults = page.getByRole('region', { name: 'Faults' });
    const labels = faults.locator('label.check');
    const boxes = await Promise.all((await labels.all()).map(box));
    for (let index = 1; index < boxes.length; index++) {
      const above = boxes[index - 1];
      const below = boxes[index];
      if (!above || !below) continue;
      // Each switch on a line of its own, below the one before.
      expect(below.y).toBeGreaterThanOrEqual(above.y + above.height);
    }
  });
}
