import { expect, test } from '@playwright/test';
import type { ShaderInfo } from '../../../tools/cocos/effects/effectData';
import { BUILTIN_2D_EFFECTS, compileBuiltinEffect } from '../../../tools/cocos/headless/builtin2d';
import { engineDir, skipWithoutEngine } from './engineSkip';
import { defineCombinations, expectationFor, type ProgramExpectation, probePrograms } from './glProbe';

/**
 * The builtin 2D effects compiled from the engine's sources (tools/cocos/effects/), in a real WebGL 1
 * and WebGL 2 context of Chromium: for every combination of each program's defines (the ones the 2D
 * renderer sets are among them), both stages compile and link, and what the driver reports matches what
 * the engine will bind: attributes, block members and offsets (the engine's own layout for its builtin
 * blocks), textures. The same probe on deliberately wrong expectations must fail, so it can.
 */

skipWithoutEngine();

const shaders = (): ShaderInfo[] =>
  BUILTIN_2D_EFFECTS.flatMap((name) => compileBuiltinEffect(engineDir as string, name).shaders);

for (const version of ['webgl', 'webgl2'] as const) {
  test(`every define combination of the builtin 2D programs compiles, links and binds in ${version}`, async ({
    page,
  }) => {
    const programs = shaders().flatMap((shader) =>
      defineCombinations(shader).map((d) => expectationFor(shader, d)),
    );
    // builtin-sprite has 7 boolean defines (128 combinations); graphics and clear-stencil have none.
    expect(programs).toHaveLength(130);
    expect(await page.evaluate(probePrograms, { version, programs })).toEqual([]);
  });
}

test('the probe fails when a block member, a builtin layout or an attribute location is wrong', async ({
  page,
}) => {
  const sprite = shaders()[0] as ShaderInfo;
  const right = expectationFor(sprite, { USE_ALPHA_TEST: 1, USE_TEXTURE: 1, USE_LOCAL: 1 });
  const wrong = (change: (p: ProgramExpectation) => void): ProgramExpectation => {
    const copy = structuredClone(right);
    change(copy);
    return copy;
  };
  const cases = {
    // The material block's member declared as a vec4 in the shader info.
    member: wrong((p) => Object.assign(p.blocks.ALPHA_TEST_DATA?.members[0] ?? {}, { glType: 0x8b52 })),
    // The engine's camera block as if one matrix were missing: every later member one mat4 earlier.
    layout: wrong((p) => {
      const camera = p.blocks.CCCamera;
      if (!camera) throw new Error('no CCCamera');
      camera.members = camera.members
        .filter((member) => member.name !== 'cc_matViewInv')
        .map((member, index, kept) => ({
          ...member,
          offset: kept.slice(0, index).reduce((bytes, m) => bytes + (m.glType === 0x8b5c ? 64 : 16), 0),
        }));
    }),
    // An attribute at another location than the one the shader declares.
    location: wrong((p) => Object.assign(p.attributes[2] ?? {}, { location: 5 })),
  };
  const probe = (version: 'webgl' | 'webgl2', programs: ProgramExpectation[]) =>
    page.evaluate(probePrograms, { version, programs });
  expect(await probe('webgl2', [right])).toEqual([]);
  expect(await probe('webgl', [right])).toEqual([]);
  expect((await probe('webgl2', [cases.member])).join('\n')).toContain(
    'ALPHA_TEST_DATA.alphaThreshold has GL type 5126, the engine writes 35666',
  );
  expect((await probe('webgl', [cases.member])).join('\n')).toContain(
    'uniform alphaThreshold has GL type 5126×1, the engine sets 35666×1',
  );
  expect((await probe('webgl2', [cases.layout])).join('\n')).toContain(
    'CCCamera.cc_matViewProj is at byte 256, the engine writes byte 192',
  );
  expect((await probe('webgl2', [cases.location])).join('\n')).toContain(
    'attribute a_color is at location 2, declared 5',
  );
});
