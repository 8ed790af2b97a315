import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: Set<string> | undefined;

/**
 * Serialization names the editor writes (`cc.<name>`) that cc.d.ts does not export under that name:
 * Button's click handlers (EventHandler) and a light's baking settings. Add here any other the editor
 * writes into a scene that the checker wrongly reports.
 */
const SERIALIZED_ONLY = ['ClickEvent', 'StaticLightSettings'];

/** Names `cc` exports as classes (directly or through an alias), read from @cocos/creator-types. */
export function engineClassNames(): Set<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const declarations = readFileSync(require.resolve('@cocos/creator-types/engine/cc.d.ts'), 'utf8');
  const names = new Set<string>(SERIALIZED_ONLY);
  for (const match of declarations.matchAll(/export (?:declare )?(?:abstract )?class (\w+)/g)) {
    if (match[1]) names.add(match[1]);
  }
  // Aliases: `export { GraphicsComponent as Graphics, ... } from "cc";`
  for (const list of declarations.matchAll(/export \{([^}]*)\}/g)) {
    for (const alias of (list[1] ?? '').matchAll(/\w+ as (\w+)/g)) {
      if (alias[1]) names.add(alias[1]);
    }
  }
  cached = names;
  return names;
}
