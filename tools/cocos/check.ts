import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COCOS_SCRIPTS_DIR, checkImportBoundary, listScripts } from './boundary';
import type { CocosFinding } from './findings';
import { checkMetas } from './metaCheck';
import { checkProjectFiles } from './projectCheck';
import { checkSceneReferences } from './sceneCheck';
import { typeCheckCocos } from './typecheck';

export type { CocosFinding } from './findings';

export interface CocosCheckOptions {
  /** Checks package.json, settings/ and build-templates/ (off for fixtures that hold only assets/). */
  projectFiles?: boolean;
  /**
   * Type-checks the scripts under the root's assets/scripts/cocos/ with the options of this tsconfig
   * (a path from the working directory), e.g. tsconfig.cocos.json. Off when omitted.
   */
  tsconfig?: string;
}

/**
 * Everything about the Cocos edition that can be checked without the editor: metas, scene references,
 * script components, the import boundary of assets/scripts/cocos/, project files, and (optionally) the
 * type check against @cocos/creator-types.
 */
export function checkCocosProject(root: string, options: CocosCheckOptions = {}): CocosFinding[] {
  const metas = checkMetas(root);
  return [
    ...(options.projectFiles === false ? [] : checkProjectFiles(root)),
    ...metas.findings,
    ...checkSceneReferences(root, metas),
    ...checkImportBoundary(root),
    ...(options.tsconfig
      ? typeCheckCocos(
          options.tsconfig,
          listScripts(root, COCOS_SCRIPTS_DIR).map((file) => join(root, file)),
        )
      : []),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2] ?? process.cwd();
  const findings = checkCocosProject(root, { tsconfig: join(root, 'tsconfig.cocos.json') });
  for (const finding of findings) console.error(`✗ [${finding.check}] ${finding.message}`);
  console.log(
    findings.length === 0 ? 'Cocos project checks passed' : `${findings.length} Cocos project problems`,
  );
  process.exit(findings.length === 0 ? 0 : 1);
}
