/**
 * Wires the shell for an edition: the services, the flow, the test mode and the test hook, around the
 * game it runs. Each edition's entry calls this once at launch and then only renders the flow's content.
 */
import type { GameDefinition } from '../games/contract';
import type { GamePlatform } from '../platform/index';
import { createGameFlow, type GameFlow } from './flow/gameFlow';
import { createLevelProgress } from './levelProgress';
import type { OutboxScheduler } from './runOutbox';
import { installSampleHook, reportFrame, type SampleHook, type ScreenReport } from './sampleHook';
import { createGameServices, type GameServices } from './services';
import { installTestMode, type TestMode } from './testMode';

export interface Sample {
  readonly game: GameDefinition;
  readonly services: GameServices;
  readonly flow: GameFlow;
  readonly testMode: TestMode;
  readonly hook: SampleHook;
  /** Updates the test hook with the edition's layout of this frame. */
  report(screen: ScreenReport): void;
}

/** The platform's timers, for the outbox's retries and the analytics flush. */
export const platformTimers: OutboxScheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

export function createSample(platform: GamePlatform, game: GameDefinition): Sample {
  let flow: GameFlow | null = null;
  const services = createGameServices({
    platform,
    game,
    scheduler: platformTimers,
    explainAuthorization: () => flow?.explainAuthorization() ?? Promise.resolve(false),
  });
  const testMode = installTestMode(services.launch());
  const created = createGameFlow({
    game,
    services,
    progress: createLevelProgress(platform, game.info),
    timers: platformTimers,
    testMode,
  });
  flow = created;
  const hook = installSampleHook();
  return {
    game,
    services,
    flow: created,
    testMode,
    hook,
    report: (screen) => reportFrame(hook, created, services, game.info.words.name, screen),
  };
}
