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

/**
 * The engine settings this package starts with (`cc.game.init({ overrideSettings })`), in place of the
 * editor's `src/settings.json`: the project's design resolution and fit, no bundles, no splash screen,
 * and no builtin assets (this engine build has no `internal` bundle; part 2 adds the effects).
 */
export function engineSettings(root: string): Record<string, unknown> {
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
      preloadBundles: [],
      bundleVers: {},
      projectBundles: [],
    },
    scripting: {},
    launch: { launchScene: '' },
    splashScreen: { totalTime: 0 },
    profiling: { showFPS: false },
    engine: { debug: true, platform: 'bytedance-mini-game' },
  };
}
