/** TikTok's package limits for non-Unity mini games, measured on uncompressed files. */
export interface PackageLimits {
  totalBytes: number;
  mainPackageBytes: number;
  subpackageBytes: number;
}

const MEBIBYTE = 1024 * 1024;

// Source: TikTok's mini games technical overview ("total <= 30 MB, main package <= 4 MB, each independent
// package <= 4 MB") and its debugging guide (everything outside subpackages/ counts as main package).
// Read as binary megabytes, like the ByteDance and WeChat tools that TikTok's runtime descends from.
export const TIKTOK_LIMITS: PackageLimits = {
  totalBytes: 30 * MEBIBYTE,
  mainPackageBytes: 4 * MEBIBYTE,
  subpackageBytes: 4 * MEBIBYTE,
};

/** The folder whose direct children are independent subpackages; everything else is main package. */
export const SUBPACKAGES_DIR = 'subpackages';

export function formatBytes(bytes: number): string {
  return `${(bytes / MEBIBYTE).toFixed(2)} MB (${bytes} bytes)`;
}
