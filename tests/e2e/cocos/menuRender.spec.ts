import { expect, test } from '@playwright/test';
import { ENGINE_BUILTINS } from '../../../tools/cocos/effects/engineLayouts';
import { GLSL_TYPES } from '../../../tools/cocos/effects/gfx';
import { bootEngine, readBoot, skipWithoutEngine, useEnginePackage, watchProblems } from './enginePage';
import { unexpectedConsoleErrors } from './journeyPage';
import { type Drawn, type RenderPlan, type Rgba, readRenderPlan, totalFrames } from './renderProbe';
import { snapshot } from './sceneProbe';
import { faintLabels, hex, near, pixel, shoot } from './screenPixels';

/**
 * The headless build draws: the menu of assets/scenes/main.scene on the real engine with the builtin
 * materials compiled from the engine's sources, checked on the pixels of a page screenshot against what
 * the scene says it draws (clear colour, each Graphics fill, each Label's text colour, where the layout
 * puts them); and a texture made from an ImageAsset draws its pixels, which needs the boot's repair of the
 * 3.8.5 adapter.
 */

skipWithoutEngine();
test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 1000 } });
const simulator = useEnginePackage();

/** The simulated phone's screen, CSS px (the simulator's default device). */
const FRAME = { width: 390, height: 844 };

type Rect = Drawn['rect'];
const within = (r: Rect, x: number, y: number, margin: number) =>
  x >= r.x - margin && x <= r.x + r.width + margin && y >= r.y - margin && y <= r.y + r.height + margin;
/** Anti-aliased edges and rounded corners of a fill are not checked point by point. */
const nearOutline = (r: Rect, x: number, y: number) =>
  within(r, x, y, 4) &&
  (!within(r, x, y, -4) ||
    ((x < r.x + 32 || x > r.x + r.width - 32) && (y < r.y + 32 || y > r.y + r.height - 32)));

/**
 * The colour a point should have: the last Graphics fill over it in draw order (tree order in a UI
 * scene), else the camera's clear colour; null where it cannot be told (a fill's outline, a label, a
 * sprite, the open data context's view).
 */
function expectedColor(plan: RenderPlan, x: number, y: number): Rgba | null {
  if (plan.contextViews.some((r) => within(r, x, y, 4))) return null;
  let color = plan.clearColor;
  for (const drawn of plan.drawn) {
    if (drawn.kind !== 'graphics') {
      if (within(drawn.rect, x, y, 3)) return null;
    } else if (nearOutline(drawn.rect, x, y)) return null;
    else if (within(drawn.rect, x, y, 0)) color = drawn.color;
  }
  return color;
}

test('the menu renders: clear colour, button fills and label texts where the layout puts them', async ({
  page,
}) => {
  const problems = watchProblems(page);
  const game = await bootEngine(page, simulator.sim.urls.main, {});
  await expect.poll(async () => (await snapshot(game)).screens.join()).toBe('menu');
  // Two frames after the menu is built, everything in it has been drawn.
  const frames = await totalFrames(game);
  await expect.poll(() => totalFrames(game)).toBeGreaterThan(frames + 2);
  const plan = await readRenderPlan(game);
  const shot = await shoot(page);

  const fills = plan.drawn.filter((d) => d.kind === 'graphics' && d.rect.width > 16 && d.rect.height > 16);
  const labels = plan.drawn.filter((d) => d.kind === 'label' && d.text?.trim());
  // The menu has a title, level chips and buttons (menuModel.ts); an empty plan would prove nothing.
  expect(labels.map((label) => label.text)).toEqual(
    expect.arrayContaining(['Play level 1', 'View Friend Leaderboard']),
  );
  expect(fills.length).toBeGreaterThanOrEqual(5);

  await test.step('each button fill is drawn inside its box, in its colour', () => {
    const wrong = fills.flatMap((fill) => {
      const y = fill.rect.y + fill.rect.height / 2;
      const seen = [pixel(shot, fill.rect.x + 4, y), pixel(shot, fill.rect.x + fill.rect.width - 5, y)];
      return seen.every((color) => near(color, fill.color))
        ? []
        : [`${fill.node}: ${seen.map(hex)} for ${hex(fill.color)}`];
    });
    expect(wrong).toEqual([]);
  });

  await test.step("each label's text is drawn inside its box, in its colour", () => {
    expect(faintLabels(shot, labels)).toEqual([]);
  });

  await test.step('elsewhere, each point shows the topmost fill over it, or the clear colour', () => {
    const samples: { x: number; y: number; expected: Rgba }[] = [];
    for (let y = 6; y < FRAME.height; y += 12) {
      for (let x = 6; x < FRAME.width; x += 12) {
        const expected = expectedColor(plan, x, y);
        if (expected) samples.push({ x, y, expected });
      }
    }
    expect(samples.length).toBeGreaterThan(500);
    // The menu leaves room around its title and buttons: the camera's clear colour must show there.
    expect(samples.filter((sample) => sample.expected === plan.clearColor).length).toBeGreaterThan(100);
    const wrong = samples.filter(({ x, y, expected }) => !near(pixel(shot, x, y), expected, 6));
    expect(
      wrong.map(({ x, y, expected }) => `(${x}, ${y}): ${hex(pixel(shot, x, y))} for ${hex(expected)}`),
    ).toEqual([]);
  });

  await test.step('the engine lays out its builtin blocks and textures as the effect compiler checks them', async () => {
    const names = Object.keys(ENGINE_BUILTINS);
    const running = await game.evaluate(async (wanted) => {
      type Layout = { members?: { name: string; type: number; count: number }[]; type?: number };
      type Pipeline = { layouts: Record<string, Layout> };
      const system = (globalThis as unknown as { System: { import(id: string): Promise<unknown> } }).System;
      const cc = (await system.import('cc')) as {
        pipeline: { globalDescriptorSetLayout: Pipeline; localDescriptorSetLayout: Pipeline };
      };
      const layouts = {
        ...cc.pipeline.globalDescriptorSetLayout.layouts,
        ...cc.pipeline.localDescriptorSetLayout.layouts,
      };
      return Object.fromEntries(
        wanted.map((name) => {
          const layout = layouts[name];
          const members = layout?.members?.map(({ name, type, count }) => ({ name, type, count }));
          return [name, members ?? { type: layout?.type }];
        }),
      );
    }, names);
    const expected = Object.fromEntries(
      names.map((name) => {
        const builtin = ENGINE_BUILTINS[name];
        if (builtin?.kind === 'sampler') return [name, { type: GLSL_TYPES[builtin.type] }];
        return [
          name,
          builtin?.members.map((m) => ({ name: m.name, type: GLSL_TYPES[m.type], count: m.count })),
        ];
      }),
    );
    expect(running).toEqual(expected);
  });

  expect(problems.pageErrors).toEqual([]);
  expect(unexpectedConsoleErrors(problems)).toEqual([]);
});

/** The parts of the engine the image probe uses (classes by their registered names: `cc` is the legacy namespace). */
interface SpriteCc {
  js: { getClassByName(name: string): unknown };
  Layers: { Enum: { UI_2D: number } };
  director: { getScene(): { getChildByName(name: string): SpriteNode } };
}
type Constructor<T> = new (...args: unknown[]) => T;
interface SpriteNode {
  layer: number;
  addComponent(type: unknown): {
    setContentSize(w: number, h: number): void;
    sizeMode: number;
    spriteFrame: object;
  };
  addChild(child: SpriteNode): void;
}

test('a texture made from an ImageAsset draws its pixels: the boot repaired the 3.8.5 adapter', async ({
  page,
}) => {
  const game = await bootEngine(page, simulator.sim.urls.main, {});
  // The boot's probe found the adapter's defect on this engine; without the repair nothing would be drawn.
  expect((await readBoot(game)).repairs).toEqual(['ImageAsset.prototype.data']);
  const MAGENTA = { r: 230, g: 20, b: 200, a: 255 };
  await game.evaluate((color) => {
    const cc = (globalThis as unknown as { cc: SpriteCc }).cc;
    const get = <T>(name: string) => cc.js.getClassByName(name) as Constructor<T> & Record<string, never>;
    const ImageAsset = get<object>('cc.ImageAsset');
    const Texture2D = get<{ image: object }>('cc.Texture2D');
    const SpriteFrame = get<{ texture: object }>('cc.SpriteFrame');
    const Node = get<SpriteNode>('cc.Node');
    const pixels = new Uint8Array(16 * 16 * 4);
    for (let i = 0; i < pixels.length; i += 4) pixels.set([color.r, color.g, color.b, 255], i);
    const RGBA8888 = 35; // cc.Texture2D.PixelFormat.RGBA8888
    const texture = new Texture2D();
    texture.image = new ImageAsset({
      _data: pixels,
      _compressed: false,
      width: 16,
      height: 16,
      format: RGBA8888,
    });
    const frame = new SpriteFrame();
    frame.texture = texture;
    const node = new Node('ImageProbe');
    node.layer = cc.Layers.Enum.UI_2D;
    node.addComponent(cc.js.getClassByName('cc.UITransform')).setContentSize(200, 200);
    const sprite = node.addComponent(cc.js.getClassByName('cc.Sprite'));
    sprite.sizeMode = 0; // cc.Sprite.SizeMode.CUSTOM
    sprite.spriteFrame = frame;
    cc.director.getScene().getChildByName('Canvas').addChild(node);
  }, MAGENTA);
  await expect
    .poll(async () => {
      const probe = (await readRenderPlan(game)).drawn.find((drawn) => drawn.node === 'ImageProbe');
      if (!probe) return 'no ImageProbe node';
      const { x, y, width, height } = probe.rect;
      return hex(pixel(await shoot(page), x + width / 2, y + height / 2));
    })
    .toBe(hex(MAGENTA));
});
