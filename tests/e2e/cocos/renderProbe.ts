import type { Frame } from '@playwright/test';

/**
 * What the engine should have drawn, read from `cc` in the game frame: the camera's clear colour and,
 * for every active Graphics, Sprite and Label in the scene, its box in CSS px of the game viewport (top-left
 * origin, the engine's own conversion: view's viewport rect and visible size, the screen's pixel ratio)
 * with its colour. A page screenshot then shows whether those pixels are there.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export interface Drawn {
  /** `painting`: shapes the game drew through the Painter (GraphicsPainter.ts), not one box fill. */
  kind: 'graphics' | 'painting' | 'label' | 'sprite';
  node: string;
  text?: string;
  rect: { x: number; y: number; width: number; height: number };
  color: Rgba;
}

export interface RenderPlan {
  clearColor: Rgba;
  drawn: Drawn[];
  /** Boxes of the nodes whose pixels the open data context draws (SubContextView). */
  contextViews: Drawn['rect'][];
}

interface PlanNode {
  name: string;
  activeInHierarchy: boolean;
  children: PlanNode[];
  components: object[];
}

interface PlanCc {
  director: { getScene(): PlanNode | null };
  js: { getClassName(value: object): string };
  view: {
    getViewportRect(): { x: number; y: number; width: number; height: number };
    getVisibleSize(): { width: number; height: number };
  };
  screen: { devicePixelRatio: number; windowSize: { width: number; height: number } };
}

export function readRenderPlan(game: Frame): Promise<RenderPlan> {
  return game.evaluate(() => {
    const cc = (globalThis as unknown as { cc: PlanCc }).cc;
    const scene = cc.director.getScene();
    if (!scene) throw new Error('no scene is running');
    const viewport = cc.view.getViewportRect();
    const visible = cc.view.getVisibleSize();
    const dpr = cc.screen.devicePixelRatio;
    const cssHeight = cc.screen.windowSize.height / dpr;
    const toCss = (x: number, y: number) => ({
      x: ((viewport.width * x) / visible.width + viewport.x) / dpr,
      y: cssHeight - ((viewport.height * y) / visible.height + viewport.y) / dpr,
    });
    const component = (node: PlanNode, name: string) =>
      node.components.find((c) => cc.js.getClassName(c) === name) as Record<string, unknown> | undefined;
    const rectOf = (node: PlanNode) => {
      const transform = component(node, 'cc.UITransform') as
        | { getBoundingBoxToWorld(): { x: number; y: number; width: number; height: number } }
        | undefined;
      if (!transform) return null;
      const box = transform.getBoundingBoxToWorld();
      const topLeft = toCss(box.x, box.y + box.height);
      const bottomRight = toCss(box.x + box.width, box.y);
      return {
        x: topLeft.x,
        y: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
      };
    };
    const color = (value: unknown) => {
      const { r, g, b, a } = value as Rgba;
      return { r, g, b, a };
    };
    const plan: RenderPlan = { clearColor: { r: 0, g: 0, b: 0, a: 0 }, drawn: [], contextViews: [] };
    const walk = (node: PlanNode): void => {
      if (!node.activeInHierarchy) return;
      const camera = component(node, 'cc.Camera');
      if (camera) plan.clearColor = color(camera.clearColor);
      const rect = rectOf(node);
      const graphics = component(node, 'cc.Graphics');
      const label = component(node, 'cc.Label');
      const sprite = component(node, 'cc.Sprite');
      if (rect && component(node, 'cc.SubContextView')?.enabledInHierarchy) plan.contextViews.push(rect);
      if (rect && graphics) {
        // The nodes GameBootstrap gives a GraphicsPainter (the menu's emblem, the play area).
        const kind = node.name === 'Painting' || node.name === 'Play area' ? 'painting' : 'graphics';
        plan.drawn.push({ kind, node: node.name, rect, color: color(graphics.fillColor) });
      }
      if (rect && sprite)
        plan.drawn.push({ kind: 'sprite', node: node.name, rect, color: color(sprite.color) });
      if (rect && label) {
        plan.drawn.push({
          kind: 'label',
          node: node.name,
          text: String(label.string),
          rect,
          color: color(label.color),
        });
      }
      for (const child of node.children) walk(child);
    };
    walk(scene);
    return plan;
  });
}

/** Frames the engine has drawn since it started. */
export function totalFrames(game: Frame): Promise<number> {
  return game.evaluate(() =>
    (
      globalThis as unknown as { cc: { director: { getTotalFrames(): number } } }
    ).cc.director.getTotalFrames(),
  );
}
