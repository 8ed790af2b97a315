import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Script } from 'node:vm';

/**
 * The package's JavaScript files as one script of CommonJS factories, so a frame can `require` them
 * synchronously the way the ByteDance runtime does, without eval (the open data context's CSP forbids
 * it) and without a request per file. Each file becomes
 * `__ttSimDefine("src/a.js", function (require, module, exports, __filename, __dirname) {…})`
 * and runs only when first required. A file that does not compile becomes a factory that throws its
 * SyntaxError with the file's name, so one broken file does not take the whole table down.
 */

export const DEFINE_GLOBAL = '__ttSimDefine';

interface Wrapped {
  mtimeMs: number;
  size: number;
  text: string;
}

const cache = new Map<string, Wrapped>();

async function jsFiles(dir: string, skip: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) found.push(...(await jsFiles(path, skip)));
    else if (entry.isFile() && entry.name.endsWith('.js')) found.push(path);
  }
  return found;
}

async function wrap(file: string, id: string): Promise<string> {
  const info = await stat(file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.text;
  // A trailing source map comment would be taken as the whole table's; the line breaks keep a last-line comment closed.
  const source = (await readFile(file, 'utf8')).replace(/^\s*\/\/# sourceMappingURL=.*$/gm, '');
  const head = `${DEFINE_GLOBAL}(${JSON.stringify(id)}, function (require, module, exports, __filename, __dirname) {\n`;
  let text = `${head}${source}\n});\n`;
  try {
    new Script(text, { filename: id });
  } catch (error) {
    const message = `${id}: ${error instanceof Error ? error.message : String(error)}`;
    text = `${head}throw new SyntaxError(${JSON.stringify(message)});\n});\n`;
  }
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, text });
  return text;
}

/**
 * include: the folder whose files are listed (relative to the package); exclude: folders left out
 * (the open data context's folder in the game frame, subpackage roots until they are loaded).
 */
export async function moduleTable(
  packageDir: string,
  include: string,
  exclude: readonly string[],
): Promise<string> {
  const excluded = exclude.map((folder) => join(packageDir, folder));
  const skip = (path: string) => excluded.some((folder) => path === folder || path.startsWith(folder + sep));
  const files = (await jsFiles(join(packageDir, include), skip)).sort();
  const parts = await Promise.all(
    files.map((file) => wrap(file, relative(packageDir, file).split(sep).join('/'))),
  );
  return parts.join('');
}
