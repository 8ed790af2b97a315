import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the platform's own dialogs call the game when the package does not say. */
export const UNNAMED_GAME = 'This game';

/**
 * The game's name for the platform dialogs. On TikTok it is the name registered in the developer
 * portal; a package carries it only as `projectname` in project.config.json (the ByteDance IDE's
 * field). Never the client key: a consent dialog titled `your_client_key` reads as a bug in the game.
 */
export function gameDisplayName(packageDir: string): string {
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(join(packageDir, 'project.config.json'), 'utf8'));
  } catch {
    // No project.config.json, or not JSON: the package check reports that; the dialog still works.
    return UNNAMED_GAME;
  }
  const name = (config as { projectname?: unknown } | null)?.projectname;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : UNNAMED_GAME;
}
