/**
 * TikTok's code rules, checked on every script of a package: no eval, no Function constructor, no string
 * timers, no scripts loaded from outside the package. The check reads text, so a banned word inside a
 * string or comment is reported too: the platform's upload scan is no smarter, so it is worth knowing.
 */
export type CodeRule = 'eval' | 'function-constructor' | 'string-timer' | 'remote-script';

interface RulePattern {
  rule: CodeRule;
  pattern: RegExp;
  message: string;
}

// A preceding identifier character or dot means another name (`retrieval(`, `obj.eval(`).
const NOT_AFTER_NAME = '(?<![\\w$.])';

const SCRIPT_RULES: readonly RulePattern[] = [
  {
    rule: 'eval',
    pattern: new RegExp(`${NOT_AFTER_NAME}eval\\s*\\(`, 'g'),
    message: 'eval( is not allowed on TikTok',
  },
  {
    rule: 'function-constructor',
    pattern: new RegExp(`${NOT_AFTER_NAME}(?:new\\s+)?Function\\s*\\(`, 'g'),
    message: 'the Function constructor is not allowed on TikTok',
  },
  {
    rule: 'string-timer',
    pattern: new RegExp(`${NOT_AFTER_NAME}(?:setTimeout|setInterval)\\s*\\(\\s*['"\`]`, 'g'),
    message: 'a timer with a string of code is not allowed on TikTok; pass a function',
  },
  {
    rule: 'remote-script',
    pattern: /\bimport\s*\(\s*['"`](?:https?:)?\/\/|\bfrom\s*['"](?:https?:)?\/\/|\bimportScripts\s*\(/g,
    message: 'scripts must come from the package itself, not from a URL',
  },
];

const HTML_RULES: readonly RulePattern[] = [
  {
    rule: 'remote-script',
    pattern: /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi,
    message: 'scripts must come from the package itself, not from a URL',
  },
];

export interface CodeViolation {
  rule: CodeRule;
  line: number;
  message: string;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function scan(text: string, rules: readonly RulePattern[]): CodeViolation[] {
  const violations: CodeViolation[] = [];
  for (const { rule, pattern, message } of rules) {
    for (const match of text.matchAll(pattern)) {
      violations.push({ rule, line: lineOf(text, match.index ?? 0), message });
    }
  }
  return violations.sort((a, b) => a.line - b.line);
}

export function isScriptFile(path: string): boolean {
  return /\.(?:js|mjs|cjs)$/i.test(path);
}

export function isHtmlFile(path: string): boolean {
  return /\.html?$/i.test(path);
}

export function findCodeViolations(path: string, text: string): CodeViolation[] {
  if (isScriptFile(path)) return scan(text, SCRIPT_RULES);
  if (isHtmlFile(path)) return scan(text, HTML_RULES);
  return [];
}
