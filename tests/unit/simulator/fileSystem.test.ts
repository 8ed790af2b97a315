import { describe, expect, it } from 'vitest';
import { createFileSystemManager, USER_DATA_PATH } from '../../../simulator/web/game/fileSystem';

const packageFiles: Record<string, string> = { 'src/settings.json': '{"scene":"main"}' };
const readPackage = (path: string) =>
  path in packageFiles ? new TextEncoder().encode(packageFiles[path]) : undefined;

describe('tt.getFileSystemManager', () => {
  it('reads package files by relative or root path, as text or bytes', () => {
    const fs = createFileSystemManager(readPackage);
    expect(fs.readFileSync('src/settings.json', 'utf8')).toBe('{"scene":"main"}');
    expect(fs.readFileSync('/src/settings.json', 'utf8')).toBe('{"scene":"main"}');
    expect((fs.readFileSync('src/settings.json') as ArrayBuffer).byteLength).toBe(16);
  });

  it('keeps a user data folder: mkdir, write, read, list, copy, unlink', () => {
    const fs = createFileSystemManager(readPackage);
    fs.mkdirSync(`${USER_DATA_PATH}/gamecaches/bundle`, true);
    fs.writeFileSync(`${USER_DATA_PATH}/gamecaches/cacheList.json`, '{"files":{}}', 'utf8');
    fs.copyFileSync('src/settings.json', `${USER_DATA_PATH}/gamecaches/bundle/settings.json`);
    expect(fs.readdirSync(`${USER_DATA_PATH}/gamecaches`)).toEqual(['bundle', 'cacheList.json']);
    expect(fs.readFileSync(`${USER_DATA_PATH}/gamecaches/bundle/settings.json`, 'utf8')).toBe(
      '{"scene":"main"}',
    );
    fs.unlinkSync(`${USER_DATA_PATH}/gamecaches/cacheList.json`);
    expect(() => fs.accessSync(`${USER_DATA_PATH}/gamecaches/cacheList.json`)).toThrow(
      'accessSync:fail no such file or directory ttfile://user/gamecaches/cacheList.json',
    );
  });

  it('fails on missing files and on writes outside the user data folder, naming the path', () => {
    const fs = createFileSystemManager(readPackage);
    expect(() => fs.readFileSync('src/missing.json', 'utf8')).toThrow(
      'readFileSync:fail no such file or directory src/missing.json',
    );
    expect(() => fs.writeFileSync('src/settings.json', 'x', 'utf8')).toThrow(
      'writeFileSync:fail permission denied, only USER_DATA_PATH is writable: src/settings.json',
    );
    expect(() => fs.mkdirSync(`${USER_DATA_PATH}/a/b`, false)).toThrow(
      'mkdirSync:fail no such file or directory',
    );
  });

  it('answers the callback forms in a later task, with errMsg', async () => {
    const fs = createFileSystemManager(readPackage);
    const result = await new Promise<Record<string, unknown>>((resolve) =>
      fs.readFile({
        filePath: `${USER_DATA_PATH}/none.json`,
        encoding: 'utf8',
        fail: resolve,
        success: resolve,
      }),
    );
    expect(result.errMsg).toBe('readFile:fail no such file or directory ttfile://user/none.json');
    const ok = await new Promise<Record<string, unknown>>((resolve) =>
      fs.readFile({ filePath: 'src/settings.json', encoding: 'utf8', success: resolve }),
    );
    expect(ok).toEqual({ errMsg: 'readFile:ok', data: '{"scene":"main"}' });
  });
});
