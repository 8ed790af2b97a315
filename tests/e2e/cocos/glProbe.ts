import type { ShaderInfo } from '../../../tools/cocos/effects/effectData';
import { ENGINE_BUILTINS } from '../../../tools/cocos/effects/engineLayouts';
import { GLSL_TYPES } from '../../../tools/cocos/effects/gfx';

/**
 * What a compiled program must look like to WebGL once the engine binds it: the attributes (type, and
 * location in WebGL 2), each block's members (type, and in WebGL 2 the byte offset the engine writes it
 * at), and the textures. Built in Node from the compiled shader info and the engine's builtin layouts;
 * checked in the page by `probeProgram`, against what the driver reports.
 */

/** gfx.Type → the WebGL type enum the driver reports. */
const GL_TYPES: Readonly<Record<number, number>> = {
  1: 0x8b56, // BOOL
  5: 0x1404, // INT
  13: 0x1406, // FLOAT
  14: 0x8b50, // FLOAT_VEC2
  15: 0x8b51, // FLOAT_VEC3
  16: 0x8b52, // FLOAT_VEC4
  17: 0x8b5a, // FLOAT_MAT2
  21: 0x8b5b, // FLOAT_MAT3
  25: 0x8b5c, // FLOAT_MAT4
  28: 0x8b5e, // SAMPLER_2D
};
/** gfx.Format of an attribute → its WebGL type. */
const FORMAT_GL_TYPES: Readonly<Record<number, number>> = { 11: 0x1406, 21: 0x8b50, 32: 0x8b51, 44: 0x8b52 };

export interface ExpectedMember {
  name: string;
  glType: number;
  count: number;
  offset: number;
}

export interface ProgramExpectation {
  name: string;
  defines: Record<string, number>;
  /** The engine's prefix: its constant macros and one `#define` per define of the program. */
  prefix: string;
  glsl1: { vert: string; frag: string };
  glsl3: { vert: string; frag: string };
  attributes: { name: string; glType: number; location: number; active: boolean }[];
  blocks: Record<string, { members: ExpectedMember[]; dataSize: number }>;
  samplers: string[];
}

/** Bytes of one value of a gfx.Type, the engine's GetTypeSize. */
const TYPE_BYTES: Readonly<Record<number, number>> = {
  1: 4,
  5: 4,
  13: 4,
  14: 8,
  15: 12,
  16: 16,
  17: 16,
  21: 36,
  25: 64,
};

/** A block's members at the offsets the engine writes them: one after the other (program-utils' genHandles). */
function engineLayout(list: readonly { name: string; type: number; count: number }[]): {
  members: ExpectedMember[];
  dataSize: number;
} {
  let offset = 0;
  const out = list.map((member) => {
    const at = offset;
    offset += (TYPE_BYTES[member.type] ?? Number.NaN) * member.count;
    return { name: member.name, glType: GL_TYPES[member.type] ?? -1, count: member.count, offset: at };
  });
  // The engine binds a block's range rounded up to 16 bytes (pass.ts).
  return { members: out, dataSize: Math.ceil(offset / 16) * 16 };
}

/** Every combination of a program's defines: booleans 0/1, numbers across their range. */
export function defineCombinations(shader: ShaderInfo): Record<string, number>[] {
  let combinations: Record<string, number>[] = [{}];
  for (const define of shader.defines) {
    if (define.type === 'string') throw new Error(`${shader.name}: string define ${define.name} not probed`);
    const [low, high] = define.type === 'number' ? (define.range ?? [0, 3]) : [0, 1];
    const values = Array.from({ length: high - low + 1 }, (_, i) => low + i);
    combinations = combinations.flatMap((combination) =>
      values.map((v) => ({ ...combination, [define.name]: v })),
    );
  }
  return combinations;
}

/** The engine's rule for an attribute's defines (program-utils' dependencyCheck). */
const active = (gates: string[], defines: Record<string, number>): boolean =>
  gates.every((gate) => (gate.startsWith('!') ? !defines[gate.slice(1)] : Boolean(defines[gate])));

export function expectationFor(shader: ShaderInfo, defines: Record<string, number>): ProgramExpectation {
  const blocks: ProgramExpectation['blocks'] = {};
  for (const block of shader.blocks) blocks[block.name] = engineLayout(block.members);
  for (const builtin of [...shader.builtins.globals.blocks, ...shader.builtins.locals.blocks]) {
    const layout = ENGINE_BUILTINS[builtin.name];
    if (layout?.kind !== 'block') throw new Error(`${builtin.name} has no engine layout`);
    blocks[builtin.name] = engineLayout(
      layout.members.map((m) => ({ name: m.name, type: GLSL_TYPES[m.type] ?? -1, count: m.count })),
    );
  }
  const constants = Object.entries(shader.builtins.statistics).map(
    ([name, value]) => `#define ${name} ${value}\n`,
  );
  return {
    name: shader.name,
    defines,
    prefix: [...constants, ...shader.defines.map((d) => `#define ${d.name} ${defines[d.name] ?? 0}\n`)].join(
      '',
    ),
    glsl1: shader.glsl1,
    glsl3: shader.glsl3,
    attributes: shader.attributes.map((a) => ({
      name: a.name,
      glType: FORMAT_GL_TYPES[a.format] ?? -1,
      location: a.location,
      active: active(a.defines, defines),
    })),
    blocks,
    samplers: [
      ...shader.samplerTextures.map((s) => s.name),
      ...shader.builtins.locals.samplerTextures.map((s) => s.name),
      ...shader.builtins.globals.samplerTextures.map((s) => s.name),
    ],
  };
}

/**
 * Runs in the page (`page.evaluate(probePrograms, …)`, so it uses nothing from this module): compiles and links each program in a fresh WebGL context of the given version, as the
 * engine's backends do (`#version 300 es` first in WebGL 2), and returns one line per problem.
 */
export function probePrograms({
  version,
  programs,
}: {
  version: 'webgl' | 'webgl2';
  programs: ProgramExpectation[];
}): string[] {
  const gl = document.createElement('canvas').getContext(version) as WebGL2RenderingContext | null;
  if (!gl) return [`no ${version} context`];
  const webgl2 = version === 'webgl2';
  // The engine's WebGL 1 device turns this on at start; the graphics effect asks for it.
  gl.getExtension('OES_standard_derivatives');
  const problems: string[] = [];
  for (const program of programs) {
    const where = `${version} ${program.name} ${JSON.stringify(program.defines)}`;
    const source = webgl2 ? program.glsl3 : program.glsl1;
    const head = `${webgl2 ? '#version 300 es\n' : ''}${program.prefix}`;
    const glProgram = gl.createProgram();
    let compiled = true;
    for (const [type, text] of [
      [gl.VERTEX_SHADER, source.vert],
      [gl.FRAGMENT_SHADER, source.frag],
    ] as const) {
      const shader = gl.createShader(type);
      if (!shader || !glProgram) return [`${where}: no shader object`];
      gl.shaderSource(shader, head + text);
      gl.compileShader(shader);
      if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
        problems.push(`${where}: does not compile: ${gl.getShaderInfoLog(shader)}`);
        compiled = false;
      }
      gl.attachShader(glProgram, shader);
    }
    if (!compiled || !glProgram) continue;
    gl.linkProgram(glProgram);
    if (!gl.getProgramParameter(glProgram, gl.LINK_STATUS)) {
      problems.push(`${where}: does not link: ${gl.getProgramInfoLog(glProgram)}`);
      continue;
    }
    for (let i = 0; i < gl.getProgramParameter(glProgram, gl.ACTIVE_ATTRIBUTES); i++) {
      const info = gl.getActiveAttrib(glProgram, i);
      if (!info) continue;
      const expected = program.attributes.find((a) => a.name === info.name);
      if (!expected?.active)
        problems.push(`${where}: attribute ${info.name} is not one the engine binds here`);
      else if (expected.glType !== info.type)
        problems.push(
          `${where}: attribute ${info.name} has GL type ${info.type}, declared ${expected.glType}`,
        );
      else if (webgl2 && gl.getAttribLocation(glProgram, info.name) !== expected.location) {
        problems.push(
          `${where}: attribute ${info.name} is at location ${gl.getAttribLocation(glProgram, info.name)}, declared ${expected.location}`,
        );
      }
    }
    const memberOf = (name: string) => {
      for (const [block, layout] of Object.entries(program.blocks)) {
        const member = layout.members.find((m) => m.name === name);
        if (member) return { block, member };
      }
      return null;
    };
    const inBlock = new Set<number>();
    if (webgl2) {
      for (let b = 0; b < gl.getProgramParameter(glProgram, gl.ACTIVE_UNIFORM_BLOCKS); b++) {
        const name = gl.getActiveUniformBlockName(glProgram, b) ?? '';
        const layout = program.blocks[name];
        if (!layout) {
          problems.push(`${where}: block ${name} is not one the engine binds for this program`);
          continue;
        }
        const size = gl.getActiveUniformBlockParameter(glProgram, b, gl.UNIFORM_BLOCK_DATA_SIZE) as number;
        // WebGL 2 refuses to draw when the bound range is smaller than the block.
        if (size > layout.dataSize)
          problems.push(`${where}: block ${name} needs ${size} bytes, the engine binds ${layout.dataSize}`);
        const indices = gl.getActiveUniformBlockParameter(
          glProgram,
          b,
          gl.UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES,
        ) as Uint32Array;
        const offsets = gl.getActiveUniforms(glProgram, [...indices], gl.UNIFORM_OFFSET) as number[];
        indices.forEach((index, k) => {
          inBlock.add(index);
          const info = gl.getActiveUniform(glProgram, index);
          const memberName = (info?.name ?? '').replace(/\[0\]$/, '');
          const member = layout.members.find((m) => m.name === memberName);
          if (!info || !member)
            problems.push(`${where}: block ${name} has a member ${memberName} the engine does not write`);
          else if (member.glType !== info.type)
            problems.push(
              `${where}: ${name}.${memberName} has GL type ${info.type}, the engine writes ${member.glType}`,
            );
          else if (member.offset !== offsets[k])
            problems.push(
              `${where}: ${name}.${memberName} is at byte ${offsets[k]}, the engine writes byte ${member.offset}`,
            );
        });
      }
    }
    for (let i = 0; i < gl.getProgramParameter(glProgram, gl.ACTIVE_UNIFORMS); i++) {
      if (inBlock.has(i)) continue;
      const info = gl.getActiveUniform(glProgram, i);
      if (!info) continue;
      const name = info.name.replace(/\[0\]$/, '');
      if (info.type === gl.SAMPLER_2D) {
        if (!program.samplers.includes(name))
          problems.push(`${where}: texture ${name} is not one the engine binds`);
        continue;
      }
      const found = webgl2 ? null : memberOf(name);
      if (!found) problems.push(`${where}: uniform ${name} is outside every block the engine binds`);
      else if (found.member.glType !== info.type || found.member.count !== info.size) {
        problems.push(
          `${where}: uniform ${name} has GL type ${info.type}×${info.size}, the engine sets ${found.member.glType}×${found.member.count} (${found.block})`,
        );
      }
    }
  }
  return problems;
}
