/**
 * The user data folder (`tt.env.USER_DATA_PATH`) as an in-memory tree: files and folders, with the
 * errors a real file system gives. It lives as long as the game frame (a restart starts empty).
 */

export class FileError extends Error {
  constructor(
    readonly reason: string,
    readonly path: string,
  ) {
    super(`${reason} ${path}`);
    this.name = 'FileError';
  }
}

export class UserFiles {
  private readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Set<string>(['']);

  /** Paths inside the folder, without the USER_DATA_PATH prefix or surrounding slashes. */
  private static clean(path: string): string {
    return path.replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
  }

  private static parent(path: string): string {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '' : path.slice(0, slash);
  }

  exists(path: string): boolean {
    const clean = UserFiles.clean(path);
    return this.files.has(clean) || this.folders.has(clean);
  }

  isFolder(path: string): boolean {
    return this.folders.has(UserFiles.clean(path));
  }

  read(path: string, shown: string): Uint8Array {
    const clean = UserFiles.clean(path);
    const file = this.files.get(clean);
    if (file) return file;
    throw new FileError(
      this.folders.has(clean) ? 'illegal operation on a directory' : 'no such file or directory',
      shown,
    );
  }

  write(path: string, data: Uint8Array, shown: string): void {
    const clean = UserFiles.clean(path);
    if (this.folders.has(clean)) throw new FileError('illegal operation on a directory', shown);
    if (!this.folders.has(UserFiles.parent(clean))) throw new FileError('no such file or directory', shown);
    this.files.set(clean, data.slice());
  }

  remove(path: string, shown: string): void {
    if (!this.files.delete(UserFiles.clean(path))) throw new FileError('no such file or directory', shown);
  }

  makeFolder(path: string, recursive: boolean, shown: string): void {
    const clean = UserFiles.clean(path);
    if (this.exists(clean)) throw new FileError('file already exists', shown);
    const parent = UserFiles.parent(clean);
    if (!this.folders.has(parent)) {
      if (!recursive || this.files.has(parent)) throw new FileError('no such file or directory', shown);
      this.makeFolder(parent, true, shown);
    }
    this.folders.add(clean);
  }

  list(path: string, shown: string): string[] {
    const clean = UserFiles.clean(path);
    if (!this.folders.has(clean)) throw new FileError('no such file or directory', shown);
    const prefix = clean === '' ? '' : `${clean}/`;
    const children = [...this.files.keys(), ...this.folders]
      .filter(
        (entry) => entry !== clean && entry.startsWith(prefix) && !entry.slice(prefix.length).includes('/'),
      )
      .map((entry) => entry.slice(prefix.length));
    return children.sort();
  }

  removeFolder(path: string, recursive: boolean, shown: string): void {
    const clean = UserFiles.clean(path);
    if (clean === '' || !this.folders.has(clean)) throw new FileError('no such file or directory', shown);
    const inside = (entry: string) => entry.startsWith(`${clean}/`);
    const hasChildren = [...this.files.keys(), ...this.folders].some(inside);
    if (hasChildren && !recursive) throw new FileError('directory not empty', shown);
    for (const file of [...this.files.keys()].filter(inside)) this.files.delete(file);
    for (const folder of [...this.folders].filter(inside)) this.folders.delete(folder);
    this.folders.delete(clean);
  }
}
