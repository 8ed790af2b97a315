import { checkPackage, formatPackageReport } from './index';

// Usage: npx tsx tools/package-check/cli.ts <package-folder>
const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx tools/package-check/cli.ts <package-folder>');
  process.exit(2);
}
const result = checkPackage(dir);
console.log(formatPackageReport(dir, result));
process.exit(result.ok ? 0 : 1);
