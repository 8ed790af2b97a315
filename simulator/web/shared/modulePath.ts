/**
 * How the mini game runtime resolves `require(spec)` from a package file, as plain path arithmetic so
 * it unit-tests without a browser. Paths are package-relative without a leading slash ('src/a.js').
 *
 * - './x', '../x': relative to the requiring file's folder;
 * - '/x': relative to the package root (the open data context's root is its own folder);
 * - 'x/y' (bare): relative to the requiring file first, then the package root, because ByteDance-heritage
 *   runtimes document relative paths while older samples write root paths without the slash;
 * - each candidate as written, then with '.js', then as a folder with 'index.js'.
 */

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Joins and normalises; returns undefined when the path climbs above the package root. */
export function joinPath(base: string, relative: string): string | undefined {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The folders a spec may be found under, most specific first. */
function bases(from: string, spec: string, root: string): string[] {
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..')
    return [dirname(from)];
  if (spec.startsWith('/')) return [root];
  const here = dirname(from);
  return here === root ? [root] : [here, root];
}

/** Every path tried for spec, in order (the error message lists them). */
export function candidates(from: string, spec: string, root = ''): string[] {
  const tried: string[] = [];
  for (const base of bases(from, spec, root)) {
    const path = joinPath(base, spec.replace(/^\/+/, ''));
    if (path === undefined || path === '') continue;
    for (const candidate of [path, `${path}.js`, `${path}/index.js`]) {
      if (!tried.includes(candidate)) tried.push(candidate);
    }
  }
  return tried;
}

export function resolveModule(
  from: string,
  spec: string,
  exists: (path: string) => boolean,
  root = '',
): string | undefined {
  return candidates(from, spec, root).find(exists);
}
