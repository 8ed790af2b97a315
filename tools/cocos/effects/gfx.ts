/**
 * The engine's gfx enum values an effect's runtime data is written in (cocos/gfx/base/define.ts in the
 * engine's source: Type, Format, BlendFactor, ...), for the GLSL types and render states the builtin 2D
 * effects use. A name outside these tables is refused by the compiler, never guessed.
 */

/** gfx.Type of the GLSL types a uniform block member, attribute or sampler may have. */
export const GLSL_TYPES: Readonly<Record<string, number>> = {
  bool: 1,
  int: 5,
  ivec2: 6,
  ivec3: 7,
  ivec4: 8,
  float: 13,
  vec2: 14,
  vec3: 15,
  vec4: 16,
  mat2: 17,
  mat3: 21,
  mat4: 25,
  sampler2D: 28,
};

export const SAMPLER2D = GLSL_TYPES.sampler2D as number;

/** Bytes of one value of each gfx.Type a block may hold (the engine's GetTypeSize). */
export const TYPE_BYTES: Readonly<Record<number, number>> = {
  1: 4,
  5: 4,
  6: 8,
  7: 12,
  8: 16,
  13: 4,
  14: 8,
  15: 12,
  16: 16,
  17: 16,
  21: 36,
  25: 64,
};

/** gfx.Format of a float vertex attribute by its GLSL type. */
export const ATTRIBUTE_FORMATS: Readonly<Record<string, number>> = {
  float: 11, // R32F
  vec2: 21, // RG32F
  vec3: 32, // RGB32F
  vec4: 44, // RGBA32F
};

/** gfx.ShaderStageFlagBit. */
export const STAGE = { vertex: 0x1, fragment: 0x10 } as const;

const BLEND_FACTOR: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  src_alpha: 2,
  dst_alpha: 3,
  one_minus_src_alpha: 4,
  one_minus_dst_alpha: 5,
  src_color: 6,
  dst_color: 7,
  one_minus_src_color: 8,
  one_minus_dst_color: 9,
  src_alpha_saturate: 10,
  constant_color: 11,
  one_minus_constant_color: 12,
  constant_alpha: 13,
  one_minus_constant_alpha: 14,
};
const BLEND_OP: Readonly<Record<string, number>> = { add: 0, sub: 1, rev_sub: 2, min: 3, max: 4 };
const CULL_MODE: Readonly<Record<string, number>> = { none: 0, front: 1, back: 2 };
const COMPARISON: Readonly<Record<string, number>> = {
  never: 0,
  less: 1,
  equal: 2,
  less_equal: 3,
  greater: 4,
  not_equal: 5,
  greater_equal: 6,
  always: 7,
};
const COLOR_MASK: Readonly<Record<string, number>> = { none: 0, r: 1, g: 2, b: 4, a: 8, all: 15 };
const PRIMITIVE: Readonly<Record<string, number>> = {
  point_list: 0,
  line_list: 1,
  line_strip: 2,
  line_loop: 3,
  triangle_list: 7,
  triangle_strip: 8,
  triangle_fan: 9,
};

/** How each render state field of a `CCEffect` pass is written: an enum by name, a boolean, or a number. */
export type StateField = { enum: Readonly<Record<string, number>> } | 'boolean' | 'number';

export const BLEND_TARGET_FIELDS: Readonly<Record<string, StateField>> = {
  blend: 'boolean',
  blendSrc: { enum: BLEND_FACTOR },
  blendDst: { enum: BLEND_FACTOR },
  blendEq: { enum: BLEND_OP },
  blendSrcAlpha: { enum: BLEND_FACTOR },
  blendDstAlpha: { enum: BLEND_FACTOR },
  blendAlphaEq: { enum: BLEND_OP },
  blendColorMask: { enum: COLOR_MASK },
};

export const RASTERIZER_FIELDS: Readonly<Record<string, StateField>> = {
  cullMode: { enum: CULL_MODE },
  isFrontFaceCCW: 'boolean',
  depthBias: 'number',
  lineWidth: 'number',
};

export const DEPTH_STENCIL_FIELDS: Readonly<Record<string, StateField>> = {
  depthTest: 'boolean',
  depthWrite: 'boolean',
  depthFunc: { enum: COMPARISON },
  stencilTestFront: 'boolean',
  stencilTestBack: 'boolean',
};

export const PRIMITIVE_MODES = PRIMITIVE;

/** RenderPriority (cocos/rendering/define.ts): `priority: max - 10` and the like. */
export const RENDER_PRIORITY: Readonly<Record<string, number>> = { min: 0, max: 255, default: 128 };
