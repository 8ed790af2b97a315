import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { findCodeViolations, isHtmlFile, isScriptFile } from './codeRules';
import { formatBytes, type PackageLimits, SUBPACKAGES_DIR, TIKTOK_LIMITS } from './limits';

export { type PackageLimits, TIKTOK_LIMITS } from './limits';

export type FindingCode =
  | 'missing-folder'
  | 'missing-file'
  | 'invalid-json'
  | 'open-data-context'
  | 'total-size'
  | 'main-size'
  | 'subpackage-size'
  | 'zero-byte'
  | 'eval'
  | 'function-constructor'
  | 'string-timer'
  | 'remote-script';

export interface Finding {
  code: FindingCode;
  /** Package-relative path with `/` separators, when the finding is about one file. */
  file?: string;
  line?: number;
  message: string;
}

export interface PackageSizes {
  totalBytes: number;
  mainPackageBytes: number;
  /** Bytes per subpackage, keyed by its folder name under subpackages/. */
  subpackageBytes: Record<string, number>;
  fileCount: number;
}

export interface PackageCheckResult {
  ok: boolean;
  findings: Finding[];
  sizes: PackageSizes;
}

export interface PackageCheckOptions {
  limits?: Partial<PackageLimits>;
  /** Both editions ship an open data context; turn off only for a package that has none. */
  requireOpenDataContext?: boolean;
}

interface PackageFile {
  path: string;
  bytes: number;
}

function listFiles(root: string): PackageFile[] {
  const files: PackageFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        files.push({ path: relative(root, full).split(sep).join(posix.sep), bytes: statSync(full).size });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

function measure(files: readonly PackageFile[]): PackageSizes {
  const sizes: PackageSizes = { totalBytes: 0, mainPackageBytes: 0, subpackageBytes: {}, fileCount: 0 };
  for (const { path, bytes } of files) {
    sizes.totalBytes += bytes;
    sizes.fileCount++;
    const [top, name, ...rest] = path.split('/');
    if (top === SUBPACKAGES_DIR && name !== undefined && rest.length > 0) {
      sizes.subpackageBytes[name] = (sizes.subpackageBytes[name] ?? 0) + bytes;
    } else {
      sizes.mainPackageBytes += bytes;
    }
  }
  return sizes;
}

function sizeFindings(sizes: PackageSizes, limits: PackageLimits): Finding[] {
  const findings: Finding[] = [];
  if (sizes.totalBytes > limits.totalBytes) {
    findings.push({
      code: 'total-size',
      message: `package is ${formatBytes(sizes.totalBytes)}, over the total limit of ${formatBytes(limits.totalBytes)}`,
    });
  }
  if (sizes.mainPackageBytes > limits.mainPackageBytes) {
    findings.push({
      code: 'main-size',
      message:
        `main package (everything outside ${SUBPACKAGES_DIR}/) is ${formatBytes(sizes.mainPackageBytes)}, ` +
        `over the limit of ${formatBytes(limits.mainPackageBytes)}; move assets into subpackages or trim engine modules`,
    });
  }
  for (const [name, bytes] of Object.entries(sizes.subpackageBytes)) {
    if (bytes > limits.subpackageBytes) {
      findings.push({
        code: 'subpackage-size',
        file: `${SUBPACKAGES_DIR}/${name}`,
        message: `subpackage ${name} is ${formatBytes(bytes)}, over the limit of ${formatBytes(limits.subpackageBytes)}`,
      });
    }
  }
  return findings;
}

function readJsonObject(
  root: string,
  name: string,
  present: ReadonlySet<string>,
  findings: Finding[],
): Record<string, unknown> | null {
  if (!present.has(name)) {
    findings.push({ code: 'missing-file', file: name, message: `${name} is missing at the package root` });
    return null;
  }
  try {
    const value: unknown = JSON.parse(readFileSync(join(root, name), 'utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    findings.push({ code: 'invalid-json', file: name, message: `${name} must hold a JSON object` });
  } catch (error) {
    findings.push({
      code: 'invalid-json',
      file: name,
      message: `${name} is not valid JSON: ${String(error)}`,
    });
  }
  return null;
}

/** Where the config points the open data context, or why that setting is unusable. */
function openDataContextFolder(
  config: Record<string, unknown>,
  file: string,
  findings: Finding[],
): string | null {
  const value = config.openDataContext;
  if (typeof value !== 'string' || value.trim() === '') {
    findings.push({
      code: 'open-data-context',
      file,
      message: `${file} must set "openDataContext" to the folder of the open data context (e.g. "openDataContext")`,
    });
    return null;
  }
  const folder = posix.normalize(value.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (folder.startsWith('..') || posix.isAbsolute(folder)) {
    findings.push({
      code: 'open-data-context',
      file,
      message: `${file} "openDataContext" must stay inside the package`,
    });
    return null;
  }
  return folder;
}

function configFindings(
  root: string,
  files: readonly PackageFile[],
  requireOpenDataContext: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const present = new Set(files.map((file) => file.path));
  if (!present.has('game.js')) {
    findings.push({
      code: 'missing-file',
      file: 'game.js',
      message: 'game.js (the entry) is missing at the package root',
    });
  }
  const gameJson = readJsonObject(root, 'game.json', present, findings);
  const projectConfig = readJsonObject(root, 'project.config.json', present, findings);
  if (!requireOpenDataContext) return findings;

  const gameFolder = gameJson && openDataContextFolder(gameJson, 'game.json', findings);
  const projectFolder =
    projectConfig && openDataContextFolder(projectConfig, 'project.config.json', findings);
  if (gameFolder && projectFolder && gameFolder !== projectFolder) {
    findings.push({
      code: 'open-data-context',
      file: 'project.config.json',
      message: `project.config.json points the open data context at "${projectFolder}" but game.json at "${gameFolder}"`,
    });
  }
  const folder = gameFolder ?? projectFolder;
  if (folder && !present.has(`${folder}/index.js`)) {
    findings.push({
      code: 'open-data-context',
      file: `${folder}/index.js`,
      message: `the open data context entry ${folder}/index.js is missing`,
    });
  }
  return findings;
}

function fileFindings(root: string, files: readonly PackageFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const { path, bytes } of files) {
    if (bytes === 0) {
      findings.push({
        code: 'zero-byte',
        file: path,
        message: `${path} is empty; TikTok rejects zero-byte files`,
      });
      continue;
    }
    if (!isScriptFile(path) && !isHtmlFile(path)) continue;
    for (const violation of findCodeViolations(path, readFileSync(join(root, path), 'utf8'))) {
      findings.push({
        code: violation.rule,
        file: path,
        line: violation.line,
        message: `${path}:${violation.line}: ${violation.message}`,
      });
    }
  }
  return findings;
}

/**
 * Checks a mini game package folder against TikTok's upload rules: size limits, zero-byte files, banned
 * code constructs, the required root files and the open data context setting. Used by `npm run build`
 * (Canvas 2D edition) and `npm run cocos:package` (Cocos edition).
 */
export function checkPackage(dir: string, options: PackageCheckOptions = {}): PackageCheckResult {
  const limits: PackageLimits = { ...TIKTOK_LIMITS, ...options.limits };
  const emptySizes: PackageSizes = { totalBytes: 0, mainPackageBytes: 0, subpackageBytes: {}, fileCount: 0 };
  let files: PackageFile[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    files = listFiles(dir);
  } catch {
    const finding: Finding = { code: 'missing-folder', message: `package folder ${dir} does not exist` };
    return { ok: false, findings: [finding], sizes: emptySizes };
  }
  const sizes = measure(files);
  const findings = [
    ...configFindings(dir, files, options.requireOpenDataContext ?? true),
    ...sizeFindings(sizes, limits),
    ...fileFindings(dir, files),
  ];
  return { ok: findings.length === 0, findings, sizes };
}

/** One line of sizes, for build logs. */
export function formatSizes(dir: string, sizes: PackageSizes): string {
  const subpackages = Object.entries(sizes.subpackageBytes)
    .map(([name, bytes]) => `, subpackage ${name} ${formatBytes(bytes)}`)
    .join('');
  return (
    `package ${dir}: ${sizes.fileCount} files, total ${formatBytes(sizes.totalBytes)}, ` +
    `main package ${formatBytes(sizes.mainPackageBytes)}${subpackages}`
  );
}

/** A short human-readable report, one line per finding, for build logs. */
export function formatPackageReport(dir: string, result: PackageCheckResult): string {
  const header = formatSizes(dir, result.sizes);
  if (result.ok) return `${header}\n  passes TikTok's package checks`;
  return `${header}\n${result.findings.map((finding) => `  ✗ [${finding.code}] ${finding.message}`).join('\n')}`;
}
