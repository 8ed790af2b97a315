import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileEffect } from '../../../tools/cocos/effects/compileEffect';
import { ENGINE_BUILTINS } from '../../../tools/cocos/effects/engineLayouts';
import {
  BUILTIN_2D_EFFECTS,
  BUILTIN_2D_MATERIALS,
  readBuiltin2d,
} from '../../../tools/cocos/headless/builtin2d';

/**
 * The effect compiler (tools/cocos/effects/) on a fixture effect in the shape of the engine's sprite
 * effect, on broken variants of it, and, with COCOS_ENGINE_DIR, on the engine's own builtin 2D effects.
 * That the output compiles, links and binds in real WebGL is tests/e2e/cocos/effects.spec.ts.
 */

const fixtures = fileURLToPath(new URL('../../fixtures/cocos/effects/', import.meta.url));
const fixture = readFileSync(join(fixtures, 'test-sprite.effect'), 'utf8');

/** A builtin block written from the engine's layout table, as the engine's chunks declare it. */
function builtinChunk(name: string, scope: 'global' | 'local'): string {
  const layout = ENGINE_BUILTINS[name];
  if (layout?.kind !== 'block') throw new Error(`${name} is not a block`);
  const members = layout.members.map((m) => `  highp ${m.type} ${m.name};`).join('\n');
  return `#pragma builtin(${scope})\nuniform ${name} {\n${members}\n};\n`;
}

const CHUNKS: Record<string, string> = {
  'builtin/uniforms/cc-global': `${builtinChunk('CCGlobal', 'global')}${builtinChunk('CCCamera', 'global')}`,
  'builtin/uniforms/cc-local': builtinChunk('CCLocal', 'local'),
  tint: readFileSync(join(fixtures, 'chunks/tint.chunk'), 'utf8'),
};

function compile(source = fixture, chunks: Record<string, string> = CHUNKS) {
  return compileEffect({ name: 'test/test-sprite', source, readChunk: (path) => chunks[path] });
}

describe('the effect compiler', () => {
  const effect = compile();
  const shader = effect.shaders[0];
  if (!shader) throw new Error('no shader');

  it('names the program after the effect and its two entries, and writes the pass states as gfx numbers', () => {
    expect(effect.name).toBe('test/test-sprite');
    expect(effect.techniques).toEqual([
      {
        passes: [
          {
            program: 'test/test-sprite|sprite-vs:vert|sprite-fs:frag',
            depthStencilState: { depthTest: false, depthWrite: false },
            blendState: { targets: [{ blend: true, blendSrc: 2, blendDst: 4 }] },
            rasterizerState: { cullMode: 0 },
            priority: 245,
            properties: { tint: { type: 16, value: [1, 0.5, 0.25, 1] } },
          },
        ],
      },
    ]);
    expect(shader.name).toBe('test/test-sprite|sprite-vs:vert|sprite-fs:frag');
  });

  it('lists every tested macro with its type, and what each declaration is gated by', () => {
    expect(shader.defines).toEqual([
      { name: 'USE_LOCAL', type: 'boolean' },
      { name: 'USE_VERTEX_COLOR', type: 'boolean' },
      { name: 'BLUR_TAPS', type: 'number', range: [1, 4] },
    ]);
    expect(
      shader.attributes.map(({ name, format, location, defines }) => ({ name, format, location, defines })),
    ).toEqual([
      { name: 'a_position', format: 32, location: 0, defines: [] },
      { name: 'a_texCoord', format: 21, location: 1, defines: [] },
      { name: 'a_color', format: 44, location: 2, defines: ['USE_VERTEX_COLOR'] },
    ]);
    expect(shader.builtins.globals.blocks).toEqual([
      { name: 'CCGlobal', defines: [] },
      { name: 'CCCamera', defines: [] },
    ]);
    expect(shader.builtins.locals).toMatchObject({
      blocks: [{ name: 'CCLocal', defines: ['USE_LOCAL'] }],
      samplerTextures: [{ name: 'cc_spriteTexture', defines: [] }],
    });
  });

  it("binds the material's own block first and its textures after, per stage", () => {
    expect(shader.blocks).toEqual([
      {
        name: 'TINT_DATA',
        members: [
          { name: 'tint', type: 16, count: 1 },
          { name: 'offset', type: 14, count: 1 },
          { name: 'scale', type: 14, count: 1 },
        ],
        defines: [],
        stageFlags: 16,
        binding: 0,
      },
    ]);
    expect(shader.samplerTextures).toEqual([
      { name: 'extraTexture', type: 28, count: 1, defines: [], stageFlags: 16, binding: 1 },
    ]);
    expect(shader.builtins.statistics).toEqual({
      CC_EFFECT_USED_VERTEX_UNIFORM_VECTORS: 5 + 37 + 14,
      CC_EFFECT_USED_FRAGMENT_UNIFORM_VECTORS: 3,
    });
  });

  it('writes GLSL 1 with plain uniforms for the used members, attributes, varyings and texture2D', () => {
    const { vert, frag } = shader.glsl1;
    expect(vert).toContain('uniform highp mat4 cc_matViewProj;');
    expect(vert).not.toContain('cc_time');
    expect(vert).toContain('attribute vec3 a_position;');
    expect(vert).toContain('varying vec2 uv0;');
    expect(vert).toMatch(/void main\(\) \{ gl_Position = vert\(\); \}\n$/);
    expect(frag).toContain('uniform vec4 tint;');
    expect(frag).toContain('uniform sampler2D cc_spriteTexture;');
    expect(frag).toContain('#define SAMPLE(tex, uv) texture2D(tex, uv)');
    expect(frag).toMatch(/void main\(\) \{ gl_FragColor = frag\(\); \}\n$/);
    expect(frag).not.toMatch(/#include|#pragma|layout/);
  });

  it('writes GLSL 3 with std140 blocks, explicit attribute locations and cc_FragColor', () => {
    const { vert, frag } = shader.glsl3;
    expect(vert).toContain('layout(std140) uniform CCCamera {');
    expect(vert).toContain('layout(location = 2) in vec4 a_color;');
    expect(vert).toContain('out vec2 uv0;');
    expect(frag).toContain(
      'layout(std140) uniform TINT_DATA {\n  vec4 tint;\n  vec2 offset;\n  vec2 scale;\n};',
    );
    expect(frag).toContain('layout(location = 0) out vec4 cc_FragColor;');
    expect(frag).not.toMatch(/binding|set =/);
  });

  it('inlines a chunk included twice once', () => {
    expect(shader.glsl3.frag.match(/uniform TINT_DATA/g)).toHaveLength(1);
  });

  it('gives each program its own hash', () => {
    const other = compile(fixture.replace('* tint;', '* tint * 2.0;')).shaders[0];
    expect(other?.hash).not.toBe(shader.hash);
    expect(compile().shaders[0]?.hash).toBe(shader.hash);
  });
});

describe('the effect compiler refuses', () => {
  const broken = (from: string, to: string, chunks?: Record<string, string>) => () =>
    compile(fixture.replace(from, to), chunks);

  it('a missing or cyclic chunk, naming it', () => {
    expect(broken('#include <tint>\n', '#include <nowhere>\n')).toThrow(
      'includes <nowhere>, which was not found',
    );
    expect(broken('', '', { ...CHUNKS, tint: '#include <again>\n', again: '#include <tint>\n' })).toThrow(
      'includes tint in a cycle',
    );
  });

  it('a material block the engine would write at other offsets than std140 reads', () => {
    const padded = { ...CHUNKS, tint: 'uniform TINT_DATA {\n  float strength;\n  vec4 tint;\n};\n' };
    expect(broken('', '', padded)).toThrow(
      'block TINT_DATA: member tint sits at byte 16 in std140 but the engine writes it at byte 4',
    );
  });

  it("a builtin block that differs from the engine's layout, naming the member", () => {
    const wrong = {
      ...CHUNKS,
      'builtin/uniforms/cc-local':
        CHUNKS['builtin/uniforms/cc-local']?.replace('mat4 cc_matWorldIT', 'vec4 cc_matWorldIT') ?? '',
    };
    expect(broken('', '', wrong)).toThrow(
      "builtin block CCLocal differs from the engine's layout at member 1: declared vec4 cc_matWorldIT, the engine has mat4 cc_matWorldIT",
    );
  });

  it('an unknown pragma, state value or pass field', () => {
    expect(broken('#pragma define-meta', '#pragma rate batch\n  #pragma define-meta')).toThrow(
      '#pragma rate batch is not supported',
    );
    expect(broken('cullMode: none', 'cullMode: sideways')).toThrow(
      'cullMode: "sideways" is not a valid value',
    );
    expect(broken('priority: max - 10', 'phase: deferred')).toThrow(
      'phase is not a pass field this compiler supports',
    );
  });

  it('a fragment input no vertex output feeds, and a property the shader does not have', () => {
    expect(broken('out vec2 uv0;', 'out vec4 uv0;')).toThrow(
      'fragment input uv0 has no vertex output of type vec2',
    );
    expect(broken('tint: {', 'tone: {')).toThrow('property tone is not a uniform or texture');
  });
});

const engineDir = process.env.COCOS_ENGINE_DIR;
const withEngine = engineDir && existsSync(join(engineDir, 'editor/assets'));

describe.skipIf(!withEngine)(
  withEngine
    ? "the engine's builtin 2D effects"
    : "the engine's builtin 2D effects (skipped: COCOS_ENGINE_DIR is not set)",
  () => {
    it('each compiles, and each UI material names one of them', () => {
      const { effects, materials } = readBuiltin2d(engineDir as string);
      expect(effects.map((effect) => effect.data.name)).toEqual([...BUILTIN_2D_EFFECTS]);
      expect(materials.map((material) => material.json._name)).toEqual([...BUILTIN_2D_MATERIALS]);
      const sprite = effects[0]?.data.shaders[0];
      expect(sprite?.defines.map((define) => define.name)).toEqual([
        'USE_LOCAL',
        'SAMPLE_FROM_RT',
        'USE_PIXEL_ALIGNMENT',
        'CC_USE_EMBEDDED_ALPHA',
        'USE_ALPHA_TEST',
        'USE_TEXTURE',
        'IS_GRAY',
      ]);
      expect(sprite?.blocks).toMatchObject([
        { name: 'ALPHA_TEST_DATA', defines: ['USE_ALPHA_TEST'], binding: 0 },
      ]);
      // The graphics effect's derivatives extension is GLSL 1's only.
      const graphics = effects[1]?.data.shaders[0];
      expect(graphics?.glsl1.frag).toMatch(
        /^#ifdef GL_OES_standard_derivatives\n#extension GL_OES_standard_derivatives: enable/,
      );
      expect(graphics?.glsl3.frag).not.toContain('#extension');
    });
  },
);
