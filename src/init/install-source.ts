/**
 * Where a CV repository made by `vita init` installs vita from: this package's Git repository (package.json
 * "repository", the one canonical URL) at the release tag of this version, until vita is on the npm
 * registry. The workflow, the README and cv.yaml's comment all take it from here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';

export interface InstallSource {
  /** The package's name on the npm registry (`vita-cv`), for when it is published there. */
  readonly packageName: string;
  readonly version: string;
  /** The repository's web address (`https://github.com/vita-cv/vita`). */
  readonly homepage: string;
  /** What `npm install` takes: the Git URL at this version's tag (`git+https://...vita.git#v0.1.0`). */
  readonly spec: string;
  /**
   * The shell command that installs the `vita` command: `npm pack` fetches the Git repository and builds
   * the package (its `prepare` script, with its devDependencies), then the tarball is installed globally.
   * Two steps because a global install straight from Git runs `prepare` without the devDependencies
   * (npm/cli#8440). `--allow-git=all` lets npm 12 and later fetch a Git package; older npm ignores it.
   */
  readonly command: string;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly repository?: string | { readonly url?: string };
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as Manifest;
}

/** From a package.json (by default vita's own); `version` overrides the manifest's. */
export function installSource(version?: string, manifest: Manifest = readManifest()): InstallSource {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (repository === undefined || repository === '') {
    throw new Error('vita: package.json has no "repository" URL to install vita from');
  }
  const v = version ?? manifest.version;
  const gitUrl = repository.startsWith('git+') ? repository : `git+${repository}`;
  const homepage = gitUrl.replace(/^git\+/, '').replace(/\.git$/, '');
  const spec = `${gitUrl}#v${v}`;
  return {
    packageName: manifest.name,
    version: v,
    homepage,
    spec,
    command: `npm pack --allow-git=all ${spec} && npm install --global ./${manifest.name}-${v}.tgz`,
  };
}
