import type { Frame } from '@playwright/test';

/**
 * Reads and drives the running game through `cc` itself (the engine's global in the game frame): the
 * scene's nodes by name, their components by class name, `Label.string`, and buttons clicked by the
 * event `cc.Button` emits. Only what the engine exposes, so the Cocos components need no test hook.
 */

export interface SceneSnapshot {
  scene: string;
  /** Names of the children of the node carrying GameBootstrap: the current screen's root. */
  screens: string[];
  /** Every active label under that node, in tree order. */
  labels: string[];
  /** Every active button under it: the label it shows and whether it takes clicks. */
  buttons: { text: string; interactable: boolean }[];
  /** The scene's `Leaderboard` node: active, and its SubContextView's state. */
  board: SubContextNode | null;
  /** The scene's `Notice` node (the results notice and the menu's best line), likewise. */
  notice: SubContextNode | null;
  /** Components of the scene's own nodes, by class name (scene-authored, not built from code). */
  sceneComponents: Record<string, string[]>;
  /** GameBootstrap's `leaderboard` property, as the scene file set it: the class of what it points at. */
  bootstrapLeaderboard: string | null;
}

export interface SubContextNode {
  active: boolean;
  subContextView: boolean;
  designWidth: number;
  designHeight: number;
}

/** Structural types for the parts of `cc` the probe touches inside the frame. */
interface ProbeNode {
  name: string;
  active: boolean;
  activeInHierarchy: boolean;
  children: ProbeNode[];
  components: object[];
  getChildByName(name: string): ProbeNode | null;
  emit(type: string, detail: unknown): void;
}
interface ProbeCc {
  director: { getScene(): ProbeNode | null };
  js: { getClassName(value: object): string };
  Button: { EventType: { CLICK: string } };
}

export function snapshot(game: Frame): Promise<SceneSnapshot> {
  return game.evaluate(() => {
    const cc = (globalThis as unknown as { cc: ProbeCc }).cc;
    const className = (component: object) => cc.js.getClassName(component);
    const scene = cc.director.getScene();
    if (!scene) throw new Error('no scene is running');
    const walk = (node: ProbeNode, visit: (node: ProbeNode) => void): void => {
      visit(node);
      for (const child of node.children) walk(child, visit);
    };
    const find = (predicate: (node: ProbeNode) => boolean): ProbeNode | null => {
      let found: ProbeNode | null = null;
      walk(scene, (node) => {
        if (!found && predicate(node)) found = node;
      });
      return found;
    };
    const component = (node: ProbeNode, name: string) =>
      node.components.find((candidate) => className(candidate) === name) as
        | Record<string, unknown>
        | undefined;
    const gameNode = find((node) => component(node, 'GameBootstrap') !== undefined);
    if (!gameNode) throw new Error('no node carries GameBootstrap');
    const labels: string[] = [];
    const buttons: SceneSnapshot['buttons'] = [];
    walk(gameNode, (node) => {
      if (!node.activeInHierarchy) return;
      const label = component(node, 'cc.Label');
      if (label) labels.push(String(label.string));
      const button = component(node, 'cc.Button');
      if (button) {
        let text = '';
        walk(node, (inner) => {
          const innerLabel = component(inner, 'cc.Label');
          if (!text && innerLabel) text = String(innerLabel.string);
        });
        buttons.push({ text, interactable: button.interactable === true });
      }
    });
    const subContextNode = (name: string) => {
      const node = find((candidate) => candidate.name === name);
      if (!node) return null;
      const view = component(node, 'cc.SubContextView');
      const design = view?.designResolutionSize as { width: number; height: number } | undefined;
      return {
        active: node.activeInHierarchy,
        subContextView: view?.enabledInHierarchy === true,
        designWidth: design?.width ?? 0,
        designHeight: design?.height ?? 0,
      };
    };
    const sceneComponents: Record<string, string[]> = {};
    for (const name of ['Canvas', 'Camera', 'Game', 'Leaderboard']) {
      const node = find((candidate) => candidate.name === name);
      if (node) sceneComponents[name] = node.components.map(className);
    }
    const linked = component(gameNode, 'GameBootstrap')?.leaderboard;
    return {
      scene: (scene as unknown as { name: string }).name,
      screens: gameNode.children.map((child) => child.name),
      labels,
      buttons,
      board: subContextNode('Leaderboard'),
      notice: subContextNode('Notice'),
      sceneComponents,
      bootstrapLeaderboard: linked && typeof linked === 'object' ? className(linked) : null,
    };
  });
}

/** Clicks the active, interactable button whose label matches, as cc.Button does on a tap's end. */
export function clickButton(game: Frame, text: RegExp): Promise<void> {
  return game.evaluate(
    ({ source, flags }) => {
      const cc = (globalThis as unknown as { cc: ProbeCc }).cc;
      const pattern = new RegExp(source, flags);
      const scene = cc.director.getScene();
      const matches: { node: ProbeNode; button: Record<string, unknown> }[] = [];
      const shown: string[] = [];
      const walk = (node: ProbeNode): void => {
        if (!node.activeInHierarchy) return;
        const button = node.components.find((c) => cc.js.getClassName(c) === 'cc.Button') as
          | Record<string, unknown>
          | undefined;
        if (button) {
          const labels: string[] = [];
          const collect = (inner: ProbeNode) => {
            const label = inner.components.find((c) => cc.js.getClassName(c) === 'cc.Label') as
              | { string: string }
              | undefined;
            if (label) labels.push(label.string);
            for (const child of inner.children) collect(child);
          };
          collect(node);
          shown.push(labels.join(' '));
          if (button.interactable === true && labels.some((label) => pattern.test(label))) {
            matches.push({ node, button });
          }
        }
        for (const child of node.children) walk(child);
      };
      if (scene) walk(scene);
      const [match, ...others] = matches;
      if (!match || others.length > 0) {
        throw new Error(`${matches.length} buttons match ${pattern} (shown: ${shown.join(' | ')})`);
      }
      match.node.emit(cc.Button.EventType.CLICK, match.button);
    },
    { source: text.source, flags: text.flags },
  );
}
