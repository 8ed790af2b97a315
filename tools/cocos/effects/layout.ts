import { EffectError } from './effectSource';
import { ENGINE_BUILTINS } from './engineLayouts';
import { GLSL_TYPES, TYPE_BYTES } from './gfx';
import type { BlockDeclaration, Declaration, Member } from './reflect';

/**
 * Block layouts: the engine writes a material block's members back to back (program-utils' genHandles,
 * "no implicit padding, guaranteed by the effect compiler"), WebGL 2 reads them at std140 offsets, so a
 * member std140 would pad is refused; a builtin block must be the engine's own, member for member.
 */

const STD140: Readonly<Record<string, { align: number; size: number }>> = {
  bool: { align: 4, size: 4 },
  int: { align: 4, size: 4 },
  float: { align: 4, size: 4 },
  ivec2: { align: 8, size: 8 },
  vec2: { align: 8, size: 8 },
  ivec3: { align: 16, size: 12 },
  vec3: { align: 16, size: 12 },
  ivec4: { align: 16, size: 16 },
  vec4: { align: 16, size: 16 },
  mat2: { align: 16, size: 32 },
  mat3: { align: 16, size: 48 },
  mat4: { align: 16, size: 64 },
};

/** std140 byte offsets of a block's members, as a WebGL 2 implementation lays them out. */
export function std140Offsets(members: readonly Pick<Member, 'name' | 'type' | 'count'>[]): number[] {
  let offset = 0;
  return members.map((member) => {
    const rule = STD140[member.type];
    if (!rule) throw new Error(`no std140 rule for ${member.type}`);
    const array = member.count > 1;
    const align = array ? 16 : rule.align;
    const stride = array ? Math.ceil(rule.size / 16) * 16 : rule.size;
    offset = Math.ceil(offset / align) * align;
    const at = offset;
    offset += stride * member.count;
    return at;
  });
}

/** Offsets as the engine writes them: each member right after the previous one. */
export function packedOffsets(members: readonly Pick<Member, 'type' | 'count'>[]): number[] {
  let offset = 0;
  return members.map((member) => {
    const at = offset;
    offset += (TYPE_BYTES[GLSL_TYPES[member.type] ?? -1] ?? Number.NaN) * member.count;
    return at;
  });
}

export function checkMaterialBlock(block: BlockDeclaration, where: string): void {
  for (const member of block.members) {
    if (TYPE_BYTES[GLSL_TYPES[member.type] ?? -1] === undefined) {
      throw new EffectError(
        where,
        `block ${block.name}: member ${member.name} has type ${member.type}, not supported`,
      );
    }
  }
  const std140 = std140Offsets(block.members);
  const packed = packedOffsets(block.members);
  block.members.forEach((member, index) => {
    if (std140[index] !== packed[index]) {
      throw new EffectError(
        where,
        `block ${block.name}: member ${member.name} sits at byte ${std140[index]} in std140 but the engine ` +
          `writes it at byte ${packed[index]}; reorder the members or use vec4s so nothing is padded`,
      );
    }
  });
}

export function checkBuiltin(declaration: Declaration, where: string): void {
  const engine = ENGINE_BUILTINS[declaration.name];
  if (!engine) {
    throw new EffectError(where, `${declaration.name} is not one of the engine builtins this compiler knows`);
  }
  if (engine.scope !== declaration.builtin) {
    throw new EffectError(
      where,
      `${declaration.name} is a ${engine.scope} builtin, marked ${declaration.builtin}`,
    );
  }
  if (engine.kind === 'sampler') {
    if (declaration.kind !== 'sampler' || declaration.type !== engine.type) {
      throw new EffectError(where, `${declaration.name} must be a ${engine.type}, as the engine binds it`);
    }
    return;
  }
  if (declaration.kind !== 'block')
    throw new EffectError(where, `${declaration.name} must be a uniform block`);
  const declared = declaration.members.map((m) => `${m.type} ${m.name}${m.count > 1 ? `[${m.count}]` : ''}`);
  const expected = engine.members.map((m) => `${m.type} ${m.name}${m.count > 1 ? `[${m.count}]` : ''}`);
  const first = expected.findIndex((member, index) => declared[index] !== member);
  if (first >= 0 || declared.length !== expected.length) {
    const index = first >= 0 ? first : expected.length;
    throw new EffectError(
      where,
      `builtin block ${declaration.name} differs from the engine's layout at member ${index}: declared ` +
        `${declared[index] ?? '(nothing)'}, the engine has ${expected[index] ?? '(nothing)'}`,
    );
  }
}

/** Uniform vectors (vec4 slots) a set of blocks takes: the engine's CC_EFFECT_USED_*_UNIFORM_VECTORS. */
export function uniformVectors(blocks: readonly BlockDeclaration[]): number {
  const slots = (member: Member): number =>
    Math.ceil((TYPE_BYTES[GLSL_TYPES[member.type] ?? -1] ?? 16) / 16) * member.count;
  return blocks.reduce((sum, block) => sum + block.members.reduce((n, member) => n + slots(member), 0), 0);
}
