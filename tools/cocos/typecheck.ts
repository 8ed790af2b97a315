import { dirname, posix, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { CocosFinding } from './findings';

/**
 * Type-checks Cocos components against @cocos/creator-types with the options of `configPath`
 * (tsconfig.cocos.json). `files` replaces the config's file list, so tests can compile a fixture with
 * exactly the project's settings.
 */
export function typeCheckCocos(configPath: string, files?: readonly string[]): CocosFinding[] {
  const root = dirname(resolve(configPath));
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) {
    return [
      {
        check: 'typecheck',
        file: configPath,
        message: ts.flattenDiagnosticMessageText(config.error.messageText, '\n'),
      },
    ];
  }
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, resolve(configPath));
  const declarations = parsed.fileNames.filter((file) => file.endsWith('.d.ts'));
  const rootNames = files ? [...files.map((file) => resolve(file)), ...declarations] : parsed.fileNames;
  const program = ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) return { check: 'typecheck' as const, message: `TS${diagnostic.code}: ${text}` };
    const file = relative(root, diagnostic.file.fileName).split(sep).join(posix.sep);
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return {
      check: 'typecheck' as const,
      file,
      message: `${file}(${line + 1},${character + 1}): TS${diagnostic.code}: ${text}`,
    };
  });
}
