import type { BuiltinSet, DefineInfo, ShaderInfo, StageSources } from './effectData';
import { EffectError } from './effectSource';
import { attributeLocations, type StageSource } from './emit';
import { ATTRIBUTE_FORMATS, GLSL_TYPES, STAGE } from './gfx';
import { uniformVectors } from './layout';
import type { BlockDeclaration, Declaration, SamplerDeclaration } from './reflect';

/** The reflection of one program (both stages) in the runtime's IShaderInfo shape. */

/** FNV-1a, 32 bits: the program library keys its templates by this, so each program needs its own. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const emptySet = (): BuiltinSet => ({ blocks: [], samplerTextures: [], buffers: [], images: [] });

/** What must agree when both stages declare the same block or texture. */
const shape = (declaration: Declaration): string =>
  JSON.stringify(declaration.kind === 'block' ? declaration.members : [declaration.kind, declaration.type]);

interface Staged<T extends Declaration> {
  declaration: T;
  stageFlags: number;
}

/** Declarations of a kind from both stages, once each, with the stages that use them. */
function merged<T extends Declaration>(
  stages: { source: StageSource; flag: number }[],
  pick: (declaration: Declaration) => declaration is T,
  where: string,
): Staged<T>[] {
  const byName = new Map<string, Staged<T>>();
  for (const { source, flag } of stages) {
    for (const declaration of source.model.declarations.filter(pick)) {
      const seen = byName.get(declaration.name);
      if (!seen) byName.set(declaration.name, { declaration, stageFlags: flag });
      else if (shape(seen.declaration) !== shape(declaration)) {
        throw new EffectError(where, `${declaration.name} is declared differently in the two stages`);
      } else seen.stageFlags |= flag;
    }
  }
  return [...byName.values()];
}

/** Every tested macro: boolean, or number (range from `#pragma define-meta`, else 0-3), or string (options). */
function defineInfos(vertex: StageSource, fragment: StageSource): DefineInfo[] {
  const numeric = new Map<string, boolean>();
  for (const use of [...vertex.model.defineUses, ...fragment.model.defineUses]) {
    numeric.set(use.name, (numeric.get(use.name) ?? false) || use.numeric);
  }
  return [...numeric].map(([name, isNumber]): DefineInfo => {
    const meta = vertex.defineMeta.get(name) ?? fragment.defineMeta.get(name);
    if (meta?.options) return { name, type: 'string', options: meta.options };
    if (meta?.range || isNumber) return { name, type: 'number', range: meta?.range ?? [0, 3] };
    return { name, type: 'boolean' };
  });
}

function checkVaryings(vertex: StageSource, fragment: StageSource, where: string): void {
  const outs = new Map(
    vertex.model.declarations
      .filter((d) => d.kind === 'out')
      .map((d) => [d.name, d.kind === 'out' ? d.type : '']),
  );
  for (const input of fragment.model.declarations) {
    if (input.kind !== 'in') continue;
    if (outs.get(input.name) !== input.type) {
      throw new EffectError(where, `fragment input ${input.name} has no vertex output of type ${input.type}`);
    }
  }
}

export function describeShader(
  name: string,
  vertex: StageSource,
  fragment: StageSource,
  sources: { glsl1: StageSources; glsl3: StageSources },
): ShaderInfo {
  checkVaryings(vertex, fragment, name);
  const stages = [
    { source: vertex, flag: STAGE.vertex },
    { source: fragment, flag: STAGE.fragment },
  ];
  const isBlock = (d: Declaration): d is BlockDeclaration => d.kind === 'block';
  const isSampler = (d: Declaration): d is SamplerDeclaration => d.kind === 'sampler';
  const blocks = merged(stages, isBlock, name);
  const samplers = merged(stages, isSampler, name);
  const builtins = { globals: emptySet(), locals: emptySet() };
  for (const { declaration } of [...blocks, ...samplers]) {
    if (!declaration.builtin) continue;
    const set = declaration.builtin === 'global' ? builtins.globals : builtins.locals;
    const list = declaration.kind === 'block' ? set.blocks : set.samplerTextures;
    list.push({ name: declaration.name, defines: declaration.defines });
  }
  const materialBlocks = blocks.filter(({ declaration }) => !declaration.builtin);
  const materialSamplers = samplers.filter(({ declaration }) => !declaration.builtin);
  const locations = attributeLocations(vertex.model);
  const attributes = vertex.model.declarations.flatMap((declaration) => {
    if (declaration.kind !== 'in') return [];
    const format = ATTRIBUTE_FORMATS[declaration.type];
    if (format === undefined)
      throw new EffectError(name, `attribute ${declaration.name}: ${declaration.type} is not supported`);
    const location = locations.get(declaration.name) ?? 0;
    return [
      {
        name: declaration.name,
        format,
        isNormalized: false,
        stream: 0,
        isInstanced: false,
        location,
        defines: declaration.defines,
      },
    ];
  });
  const stageBlocks = (source: StageSource) => source.model.declarations.filter(isBlock);
  return {
    name,
    hash: hash32(
      [name, sources.glsl1.vert, sources.glsl1.frag, sources.glsl3.vert, sources.glsl3.frag].join('\n'),
    ),
    glsl1: sources.glsl1,
    glsl3: sources.glsl3,
    builtins: {
      ...builtins,
      statistics: {
        CC_EFFECT_USED_VERTEX_UNIFORM_VECTORS: uniformVectors(stageBlocks(vertex)),
        CC_EFFECT_USED_FRAGMENT_UNIFORM_VECTORS: uniformVectors(stageBlocks(fragment)),
      },
    },
    defines: defineInfos(vertex, fragment),
    attributes,
    blocks: materialBlocks.map(({ declaration, stageFlags }, binding) => ({
      name: declaration.name,
      members: declaration.members.map((m) => ({
        name: m.name,
        type: GLSL_TYPES[m.type] ?? 0,
        count: m.count,
      })),
      defines: declaration.defines,
      stageFlags,
      binding,
    })),
    samplerTextures: materialSamplers.map(({ declaration, stageFlags }, index) => ({
      name: declaration.name,
      type: GLSL_TYPES[declaration.type] ?? 0,
      count: 1,
      defines: declaration.defines,
      stageFlags,
      binding: materialBlocks.length + index,
    })),
    samplers: [],
    textures: [],
    buffers: [],
    images: [],
    subpassInputs: [],
    descriptors: [],
  };
}
