import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The modules a file loads before any of its code runs: the closure of its static, value imports
 * (not `import type`, not `import()`), with packages by name. This is what `faqbot ask` pays for
 * at start-up before it can answer, so it is read from the sources as Node would follow them.
 */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(path.resolve(entry));
  return { files, packages };
}

describe('what each command loads', () => {
  it('ask, eval, check and draft never load Bolt: the CLI entry reaches neither it nor serve statically', () => {
    const { files, packages } = staticClosure('src/cli/main.ts');
    expect([...packages]).not.toContain('@slack/bolt');
    expect([...files].map((f) => path.relative(process.cwd(), f))).not.toContain(path.join('src', 'cli', 'serve.ts'));
    // The reader follows imports for real: serve's own closure does reach Bolt.
    expect([...staticClosure('src/cli/serve.ts').packages]).toContain('@slack/bolt');
  });

  it('a cached faq.yml is read without loading the YAML library', () => {
    expect([...staticClosure('src/load-engine.ts').packages]).not.toContain('yaml');
    expect([...staticClosure('src/faq/parse-faq-file.ts').packages]).toContain('yaml');
  });

  it('opening the store loads only the backend chosen: no pg for SQLite, no better-sqlite3 for PostgreSQL', () => {
    const { packages } = staticClosure('src/store/open-store.ts');
    expect([...packages]).not.toContain('pg');
    expect([...packages]).not.toContain('better-sqlite3');
    expect([...staticClosure('src/store/postgres/postgres-store.ts').packages]).toContain('pg');
  });
});
