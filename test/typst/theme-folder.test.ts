import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readThemeFiles, scanThemeFolder } from '../../src/render/typst/theme-folder.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('scanning a theme folder for links', () => {
  it('lists the files that stay inside and the links that leave, through linked folders and loops', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
    mkdirSync(path.join(dir, 'parts', 'deep'), { recursive: true });
    writeFileSync(path.join(dir, 'theme.typ'), '#let render(data) = []');
    writeFileSync(path.join(dir, 'parts', 'deep', 'logo.svg'), '<svg/>');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'parts', 'deep', 'leak.txt'));
    symlinkSync(outside, path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    symlinkSync(dir, path.join(dir, 'parts', 'loop'));
    symlinkSync(path.join(dir, 'theme.typ'), path.join(dir, 'alias.typ'));
    symlinkSync(path.join(dir, 'parts', 'deep'), path.join(dir, 'shortcut'));
    const scan = scanThemeFolder(dir);
    expect(scan.truncated).toBe(false);
    expect(scan.escaping.map((l) => l.relative).sort()).toEqual([
      'dangling',
      'elsewhere',
      'parts/deep/leak.txt',
      'shortcut/leak.txt',
    ]);
    expect(scan.escaping.find((l) => l.relative === 'dangling')?.target).toBeUndefined();
    expect(scan.escaping.find((l) => l.relative === 'elsewhere')?.target).toBe(outside);
    expect([...scan.files.keys()].sort()).toEqual([
      'alias.typ',
      'parts/deep/logo.svg',
      'shortcut/logo.svg',
      'theme.typ',
    ]);
    const contents = readThemeFiles(scan);
    expect(Buffer.from(contents.get('alias.typ') ?? []).toString()).toBe('#let render(data) = []');
    expect([...contents.values()].map((c) => Buffer.from(c).toString())).not.toContain('SECRET');
  });

  it('stops at its entry limit and says so', () => {
    const dir = tempDir();
    for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, `f${i}.txt`), String(i));
    expect(scanThemeFolder(dir, 3).truncated).toBe(true);
    expect(scanThemeFolder(dir).truncated).toBe(false);
  });

  it('a folder that does not exist has nothing in it', () => {
    expect(scanThemeFolder(path.join(tempDir(), 'missing'))).toMatchObject({
      escaping: [],
      truncated: false,
    });
  });
});
