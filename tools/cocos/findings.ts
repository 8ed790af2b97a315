export type CheckName = 'meta' | 'reference' | 'script' | 'boundary' | 'typecheck' | 'project';

export interface CocosFinding {
  check: CheckName;
  /** Project-relative path with `/` separators. */
  file?: string;
  message: string;
}
