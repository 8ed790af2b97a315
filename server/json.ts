/**
 * Replies are JSON with `<`, `>`, `&` and the two JavaScript line separators written as \u escapes.
 * The parsed data is identical, but a player name like `<img onerror=...>` can never appear as markup
 * in the raw body, even if something downstream sniffs or inlines it.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function safeJsonStringify(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
