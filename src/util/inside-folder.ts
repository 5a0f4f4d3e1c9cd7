/**
 * Symlink containment: a file named by the CV (a publication image) or read by a theme must, once every link
 * is resolved, lie inside the folder it belongs to, so a link cannot pull `/etc/passwd` into the output.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** True when `inner` is `outer` itself or lies below it (both absolute and already resolved). */
export function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

export type Containment =
  | { readonly inside: true; readonly real: string }
  | { readonly inside: false; readonly real: string | undefined };

/**
 * Resolves `file` (every symlink on the way) and checks it lies inside `folder` (resolved too). A path that
 * cannot be resolved (a dangling link, no permission) counts as outside, with `real` undefined.
 */
export function resolveInside(folder: string, file: string): Containment {
  let realFolder: string;
  let real: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(file);
  } catch {
    return { inside: false, real: undefined };
  }
  return isWithin(realFolder, real) ? { inside: true, real } : { inside: false, real };
}
