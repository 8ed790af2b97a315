import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: Set<string> | undefined;

/** Names `cc` exports as classes (directly or through an alias), read from @cocos/creator-types. */
export function engineClassNames(): Set<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const declarations = readFileSync(require.resolve('@cocos/creator-types/engine/cc.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const match of declarations.matchAll(/export (?:declare )?(?:abstract )?class (\w+)/g)) {
    if (match[1]) names.add(match[1]);
  }
  for (const match of declarations.matchAll(/\bas (\w+)\b/g)) {
    if (match[1]) names.add(match[1]);
  }
  cached = names;
  return names;
}
