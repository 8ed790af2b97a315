export type CheckName = 'meta' | 'reference' | 'script' | 'boundary' | 'typecheck' | 'project' | 'compile';

export interface CocosFinding {
  check: CheckName;
  /** Project-relative path with `/` separators. */
  file?: string;
  message: string;
}
