import { describe, expect, it } from 'vitest';
import { checkCocosProject } from '../../../tools/cocos/check';

const FIXTURES = 'tests/fixtures/cocos';

// A full TypeScript program over cc.d.ts: a slow suite (`npm test`, not `npm run check`).
describe('Cocos project checker', () => {
  // One compile for both fixtures: Broken.ts calls a member cc.Node lacks, Fine.ts beside it uses real
  // ones. It also proves that tsconfig.cocos.json's settings reject a missing cc member. cc.d.ts is 3 MB:
  // seconds alone, much longer on a busy 2-core machine, hence the timeout.
  it('fails on a call to a cc member that does not exist, with the settings of tsconfig.cocos.json', () => {
    const findings = checkCocosProject(`${FIXTURES}/type-error`, {
      projectFiles: false,
      tsconfig: 'tsconfig.cocos.json',
    }).filter((finding) => finding.check === 'typecheck');
    expect(findings).toEqual([
      {
        check: 'typecheck',
        file: 'tests/fixtures/cocos/type-error/assets/scripts/cocos/Broken.ts',
        message: expect.stringMatching(
          /Broken\.ts\(9,15\): TS2551: Property 'setPositionXYZ' does not exist on type 'Node'/,
        ),
      },
    ]);
  }, 120_000);
});
