import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Cocos's ResolutionPolicy values, as the editor derives them from the fit-width/fit-height ticks. */
const POLICY = { SHOW_ALL: 2, FIXED_HEIGHT: 3, FIXED_WIDTH: 4, NO_BORDER: 1 } as const;

interface DesignResolution {
  width: number;
  height: number;
  fitWidth: boolean;
  fitHeight: boolean;
}

function readDesignResolution(root: string): DesignResolution {
  const project: unknown = JSON.parse(readFileSync(join(root, 'settings/v2/packages/project.json'), 'utf8'));
  const general =
    typeof project === 'object' && project !== null ? Reflect.get(project, 'general') : undefined;
  const design =
    typeof general === 'object' && general !== null ? Reflect.get(general, 'designResolution') : undefined;
  if (typeof design !== 'object' || design === null) {
    throw new Error('settings/v2/packages/project.json has no general.designResolution');
  }
  return {
    width: Number(Reflect.get(design, 'width')),
    height: Number(Reflect.get(design, 'height')),
    fitWidth: Reflect.get(design, 'fitWidth') === true,
    fitHeight: Reflect.get(design, 'fitHeight') === true,
  };
}

function policyOf({ fitWidth, fitHeight }: DesignResolution): number {
  if (fitWidth && fitHeight) return POLICY.SHOW_ALL;
  if (fitHeight) return POLICY.FIXED_HEIGHT;
  if (fitWidth) return POLICY.FIXED_WIDTH;
  return POLICY.NO_BORDER;
}

export interface SettingsInput {
  /** Uuids of the `internal` bundle's assets (effects and materials). */
  builtinAssets: string[];
  /** The scene the game starts with, `db://assets/scenes/main.scene`. */
  launchScene: string;
  /** Bundles in the package, loaded at start in this order (`internal` is loaded by the engine itself). */
  projectBundles: string[];
}

/**
 * `src/settings.json`, which `cc.game.init({ settingsPath })` reads as in an editor build: the project's
 * design resolution and fit, the bundles, the builtin assets, the start scene, no splash screen.
 */
export function engineSettings(root: string, input: SettingsInput): Record<string, unknown> {
  const design = readDesignResolution(root);
  return {
    screen: {
      exactFitScreen: true,
      designResolution: { width: design.width, height: design.height, policy: policyOf(design) },
    },
    rendering: { renderMode: 0, customPipeline: false },
    assets: {
      server: '',
      remoteBundles: [],
      subpackages: [],
      preloadBundles: input.projectBundles
        .filter((bundle) => bundle !== 'internal')
        .map((bundle) => ({ bundle })),
      bundleVers: {},
      projectBundles: input.projectBundles,
      preloadAssets: [],
    },
    plugins: { jsList: [] },
    scripting: {},
    launch: { launchScene: input.launchScene },
    splashScreen: { totalTime: 0 },
    profiling: { showFPS: false },
    engine: {
      debug: true,
      platform: 'bytedance-mini-game',
      builtinAssets: input.builtinAssets,
      macros: {},
      customLayers: [],
      sortingLayers: [],
    },
  };
}
