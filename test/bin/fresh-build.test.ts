import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleReason } from '../../bin/fresh-build.js';

/** A project with src/ and a dist/ built at `builtAt` (seconds since the epoch). */
function project(builtAt: number): { root: string; at(file: string, seconds: number): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-fresh-'));
  fs.mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'));
  const at = (file: string, seconds: number): void => {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) fs.writeFileSync(full, '');
    fs.utimesSync(full, seconds, seconds);
  };
  at('src/cli/main.ts', 1000);
  at('src/cli', 1000);
  at('src', 1000);
  at('tsconfig.build.json', 1000);
  at('dist/.tsbuildinfo', builtAt);
  return { root, at };
}

describe('a stale dist/ never runs silently', () => {
  it('is fresh when built after every source', () => {
    expect(staleReason(project(2000).root)).toBeNull();
  });

  it('is stale when a source file changed after the build', () => {
    const p = project(2000);
    p.at('src/cli/main.ts', 3000);
    expect(staleReason(p.root)).toMatch(/src\/ has changed/);
  });

  it('is stale when a source file was deleted after the build (its folder changed)', () => {
    const p = project(2000);
    p.at('src/cli', 3000);
    expect(staleReason(p.root)).toMatch(/src\/ has changed/);
  });

  it('is stale when the build settings changed', () => {
    const p = project(2000);
    p.at('tsconfig.build.json', 3000);
    expect(staleReason(p.root)).not.toBeNull();
  });

  it('is missing when dist/ was never built', () => {
    const p = project(2000);
    fs.rmSync(path.join(p.root, 'dist'), { recursive: true });
    expect(staleReason(p.root)).toMatch(/not been built/);
  });

  it('bin/faqbot.js checks before it loads dist/', () => {
    const bin = fs.readFileSync('bin/faqbot.js', 'utf8');
    expect(bin.indexOf('ensureFreshBuild()')).toBeGreaterThan(-1);
    expect(bin.indexOf('ensureFreshBuild()')).toBeLessThan(bin.indexOf("import('../dist/cli/main.js')"));
  });
});
