import { ErrorCode } from '../../server/errors';
import { type Callbacks, failShape, settle, splitCallbacks } from '../shared/callbacks';
import { FileError, UserFiles } from './userFiles';

/**
 * tt.getFileSystemManager(): the calls Cocos's bytedance adapter makes (wrapper/fs-utils.js and the
 * cache manager): package files are readable (relative or '/' paths), the user data folder
 * (USER_DATA_PATH) is readable and writable, anything else fails like a missing file.
 */

export const USER_DATA_PATH = 'ttfile://user';
const FS_ERROR = ErrorCode.fileSystem;

/** Reads one package file synchronously; undefined when the package has no such file. */
export type PackageReader = (path: string) => Uint8Array | undefined;

type Encoding = 'utf8' | 'binary' | 'base64' | undefined;

function encodingOf(api: string, value: unknown): Encoding {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'utf8' || value === 'utf-8') return 'utf8';
  if (value === 'binary' || value === 'latin1') return 'binary';
  if (value === 'base64') return 'base64';
  throw new FileError(`encoding ${String(value)} is not implemented by the simulator`, `(${api})`);
}

function decode(bytes: Uint8Array, encoding: Encoding): string | ArrayBuffer {
  if (encoding === 'utf8') return new TextDecoder().decode(bytes);
  const latin1 = () => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
  if (encoding === 'binary') return latin1();
  if (encoding === 'base64') return btoa(latin1());
  return bytes.slice().buffer;
}

function encode(data: unknown, encoding: Encoding, shown: string): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data !== 'string') throw new FileError('data must be a string or an ArrayBuffer:', shown);
  if (encoding === 'base64') return Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  if (encoding === 'binary') return Uint8Array.from(data, (char) => char.charCodeAt(0) & 0xff);
  return new TextEncoder().encode(data);
}

export function createFileSystemManager(readPackage: PackageReader, user = new UserFiles()) {
  const userPath = (path: unknown): string | undefined => {
    if (typeof path !== 'string') return undefined;
    if (path === USER_DATA_PATH) return '';
    return path.startsWith(`${USER_DATA_PATH}/`) ? path.slice(USER_DATA_PATH.length + 1) : undefined;
  };
  const packagePath = (path: string): string | undefined =>
    /^[a-z][a-z0-9+.-]*:/i.test(path) ? undefined : path.replace(/^\.?\/+/, '');

  const checkPath = (path: unknown, name: string): string => {
    if (typeof path !== 'string' || path === '')
      throw new FileError(`${name} must be a non-empty string:`, String(path));
    return path;
  };

  const readBytes = (path: string): Uint8Array => {
    const inUser = userPath(path);
    if (inUser !== undefined) return user.read(inUser, path);
    const inPackage = packagePath(path);
    const bytes = inPackage === undefined ? undefined : readPackage(inPackage);
    if (!bytes) throw new FileError('no such file or directory', path);
    return bytes;
  };

  const writable = (path: string): string => {
    const inUser = userPath(path);
    // The package is read-only on the device too; only the user data folder takes writes.
    if (inUser === undefined)
      throw new FileError('permission denied, only USER_DATA_PATH is writable:', path);
    return inUser;
  };

  const sync = {
    accessSync(path: unknown): void {
      const checked = checkPath(path, 'path');
      const inUser = userPath(checked);
      if (inUser !== undefined ? !user.exists(inUser) : !readPackageSafe(checked))
        throw new FileError('no such file or directory', checked);
    },
    readFileSync(filePath: unknown, encoding?: unknown): string | ArrayBuffer {
      const path = checkPath(filePath, 'filePath');
      return decode(readBytes(path), encodingOf('readFileSync', encoding));
    },
    writeFileSync(filePath: unknown, data: unknown, encoding?: unknown): void {
      const path = checkPath(filePath, 'filePath');
      user.write(writable(path), encode(data, encodingOf('writeFileSync', encoding), path), path);
    },
    mkdirSync(dirPath: unknown, recursive?: unknown): void {
      const path = checkPath(dirPath, 'dirPath');
      user.makeFolder(writable(path), recursive === true, path);
    },
    rmdirSync(dirPath: unknown, recursive?: unknown): void {
      const path = checkPath(dirPath, 'dirPath');
      user.removeFolder(writable(path), recursive === true, path);
    },
    readdirSync(dirPath: unknown): string[] {
      const path = checkPath(dirPath, 'dirPath');
      return user.list(writable(path), path);
    },
    unlinkSync(filePath: unknown): void {
      const path = checkPath(filePath, 'filePath');
      user.remove(writable(path), path);
    },
    copyFileSync(srcPath: unknown, destPath: unknown): void {
      const from = checkPath(srcPath, 'srcPath');
      const to = checkPath(destPath, 'destPath');
      user.write(writable(to), readBytes(from), to);
    },
  };

  function readPackageSafe(path: string): boolean {
    const inPackage = packagePath(path);
    return inPackage !== undefined && readPackage(inPackage) !== undefined;
  }

  /** Sync calls throw Error('<api>:fail <reason>'), as the ByteDance runtime does. */
  const throwing =
    <A extends unknown[], R>(api: string, run: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(...args);
      } catch (error) {
        if (error instanceof FileError) throw new Error(`${api}:fail ${error.message}`);
        throw error;
      }
    };

  /** Async calls answer through success/fail/complete in a later task. */
  const callback =
    (api: string, run: (options: Record<string, unknown>) => unknown) => (options?: unknown) => {
      const { args, callbacks } = splitCallbacks(options) as { args: unknown; callbacks: Callbacks };
      const record = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
      try {
        const result = run(record);
        settle(callbacks, true, { errMsg: `${api}:ok`, ...(result === undefined ? {} : (result as object)) });
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        settle(callbacks, false, failShape(api, FS_ERROR, error.message));
      }
    };

  return {
    accessSync: throwing('accessSync', sync.accessSync),
    readFileSync: throwing('readFileSync', sync.readFileSync),
    writeFileSync: throwing('writeFileSync', sync.writeFileSync),
    mkdirSync: throwing('mkdirSync', sync.mkdirSync),
    rmdirSync: throwing('rmdirSync', sync.rmdirSync),
    readdirSync: throwing('readdirSync', sync.readdirSync),
    unlinkSync: throwing('unlinkSync', sync.unlinkSync),
    copyFileSync: throwing('copyFileSync', sync.copyFileSync),
    access: callback('access', (o) => sync.accessSync(o.path)),
    readFile: callback('readFile', (o) => ({ data: sync.readFileSync(o.filePath, o.encoding) })),
    writeFile: callback('writeFile', (o) => sync.writeFileSync(o.filePath, o.data, o.encoding)),
    mkdir: callback('mkdir', (o) => sync.mkdirSync(o.dirPath, o.recursive)),
    rmdir: callback('rmdir', (o) => sync.rmdirSync(o.dirPath, o.recursive)),
    readdir: callback('readdir', (o) => ({ files: sync.readdirSync(o.dirPath) })),
    unlink: callback('unlink', (o) => sync.unlinkSync(o.filePath)),
    copyFile: callback('copyFile', (o) => sync.copyFileSync(o.srcPath, o.destPath)),
  };
}
