/**
 * Field-by-field validation tables: a rule per field says whether a value passes and, when it does not,
 * what it must be, so each reason is written once and names the field it refused ("show.rect.width must
 * be a positive finite number"). The messages to the open data context are read with it (protocol.ts).
 */

/** One field's rule: whether a value passes, and why not, named (`field` is the field's name). */
export interface Rule<T> {
  passes(value: unknown, scoreLimit: number): value is T;
  refusal(field: string, value: unknown, scoreLimit: number): string;
}

/** A rule per field, nested for nested objects (which must be objects, and are copied field by field). */
export type Rules<T> = {
  [Field in keyof T]-?: T[Field] extends object ? Rules<T[Field]> : Rule<T[Field]>;
};

export type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rule<T>(passes: (value: unknown) => boolean, mustBe: string): Rule<T> {
  return {
    passes: (value): value is T => passes(value),
    refusal: (field) => `${field} must be ${mustBe}`,
  };
}

export function between(min: number, max: number, mustBe: string): Rule<number> {
  return rule(
    (value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
    mustBe,
  );
}

export function count(min: number, max: number, mustBe: string): Rule<number> {
  return rule(
    (value) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
    mustBe,
  );
}

export function oneOf<Name extends string>(names: readonly Name[]): Rule<Name> {
  return rule((value) => names.includes(value as Name), `one of ${names.join(', ')}`);
}

export const isText = (value: unknown, maxLength: number) =>
  typeof value === 'string' && value.length > 0 && value.length <= maxLength;

/** Copies the fields `rules` name from `value`, or says which one failed and why. */
export function readFields(rules: Fields, value: unknown, path: string, scoreLimit: number): Fields | string {
  if (!isRecord(value)) return `${path} must be an object`;
  const copy: Fields = {};
  for (const name of Object.keys(rules)) {
    const rule = rules[name] as Rule<unknown> | Fields;
    const field = value[name];
    if (typeof rule.passes === 'function') {
      const leaf = rule as Rule<unknown>;
      if (!leaf.passes(field, scoreLimit)) return `${path}.${leaf.refusal(name, field, scoreLimit)}`;
      copy[name] = field;
    } else {
      const nested = readFields(rule as Fields, field, `${path}.${name}`, scoreLimit);
      if (typeof nested === 'string') return nested;
      copy[name] = nested;
    }
  }
  return copy;
}
