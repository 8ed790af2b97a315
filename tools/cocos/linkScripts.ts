import ts from 'typescript';
import type { CompiledScript } from './compileScripts';
import type { CocosFinding } from './findings';

interface ModuleShape {
  /** Names the compiled module exports itself. */
  own: Set<string>;
  /** Specifiers of `export * from`. */
  star: string[];
  /** Names taken from another module by `import { a }` or `export { a } from`. */
  taken: { name: string; specifier: string }[];
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind)
  );
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

function specifierText(node: ts.Expression | undefined): string | undefined {
  return node && ts.isStringLiteral(node) ? node.text : undefined;
}

function shapeOf(esm: string): ModuleShape {
  const shape: ModuleShape = { own: new Set(), star: [], taken: [] };
  const file = ts.createSourceFile('module.js', esm, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const specifier = specifierText(statement.moduleSpecifier);
      const clause = statement.importClause;
      if (!specifier || !clause) continue;
      if (clause.name) shape.taken.push({ name: 'default', specifier });
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const element of clause.namedBindings.elements) {
          shape.taken.push({ name: (element.propertyName ?? element.name).text, specifier });
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = specifierText(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) shape.star.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        shape.own.add(clause.name.text);
      } else {
        for (const element of clause.elements) {
          shape.own.add(element.name.text);
          if (specifier) shape.taken.push({ name: (element.propertyName ?? element.name).text, specifier });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      shape.own.add('default');
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) shape.own.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          for (const name of bindingNames(declaration.name)) shape.own.add(name);
        }
      } else if (
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
        statement.name
      ) {
        shape.own.add(statement.name.text);
      }
    }
  }
  return shape;
}

function lineOf(source: string, specifier: string, name: string): number {
  const lines = source.split('\n');
  const quoted = new RegExp(`from\\s+['"]${specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`);
  const end = lines.findIndex((line) => quoted.test(line));
  if (end < 0) return 1;
  let start = end;
  while (start > 0 && !new RegExp(`\\b${name}\\b`).test(lines[start] ?? '')) start -= 1;
  return start + 1;
}

/**
 * Links the compiled scripts as a bundler does: every name a script imports or re-exports from
 * another project script must be a runtime export of it. A type that reaches the output as a value
 * (a re-export without `type`) passes the parser but breaks the editor's build.
 */
export function checkLinks(scripts: readonly CompiledScript[]): CocosFinding[] {
  const byFile = new Map(scripts.map((script) => [script.file, script]));
  const shapes = new Map(scripts.map((script) => [script.file, shapeOf(script.esm)]));
  const exportsOf = (file: string, seen: Set<string> = new Set()): Set<string> => {
    const shape = shapes.get(file);
    if (!shape || seen.has(file)) return new Set();
    seen.add(file);
    const names = new Set(shape.own);
    for (const specifier of shape.star) {
      const target = byFile.get(file)?.imports.get(specifier);
      if (!target) continue;
      for (const name of exportsOf(target, seen)) if (name !== 'default') names.add(name);
    }
    return names;
  };
  const findings: CocosFinding[] = [];
  for (const script of scripts) {
    for (const { name, specifier } of shapes.get(script.file)?.taken ?? []) {
      const target = script.imports.get(specifier);
      if (!target || !shapes.has(target) || exportsOf(target).has(name)) continue;
      findings.push({
        check: 'compile',
        file: script.file,
        message:
          `${script.file}:${lineOf(script.source, specifier, name)}: '${name}' from '${specifier}' is not a ` +
          `runtime export of ${target} after the editor's Babel: if it is a type, import or export it with \`type\`.`,
      });
    }
  }
  return findings;
}
