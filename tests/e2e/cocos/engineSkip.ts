import { test } from '@playwright/test';

/** The Cocos engine the engine tests run on (docs/cocos.md); CI sets it through .ci/run. */
export const engineDir = process.env.COCOS_ENGINE_DIR;

export const ENGINE_SKIP_REASON =
  'COCOS_ENGINE_DIR is not set: the Cocos engine tests need an engine built for bytedance (docs/cocos.md)';

/**
 * Skips each test of the file when COCOS_ENGINE_DIR is not set, and says why in one line: a skip declared
 * when the file loads shows only a bare "-" in the list reporter, while a test's own output is shown.
 * Call at the top of the file; the file's `beforeAll` hooks still run, so they must not need the engine.
 */
export function skipWithoutEngine(): void {
  test.beforeEach(() => {
    if (engineDir) return;
    process.stdout.write(`  skipped: ${ENGINE_SKIP_REASON}\n`);
    test.skip(true, ENGINE_SKIP_REASON);
  });
}
