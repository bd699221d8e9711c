import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tv } from './support';

const dir = mkdtempSync(join(tmpdir(), 'media-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run import:xmltv -- FILE` as an operator runs it, with the given environment. */
function runImporter(file: string, env: Record<string, string | undefined>) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'node_modules/.bin/tsx',
      ['scripts/import-xmltv.ts', file],
      { env: { ...rest, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('npm run import:xmltv', () => {
  it('refuses to run without DATABASE_URL, saying what to set', async () => {
    const result = await runImporter(write('any.xml', tv('')), {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Set DATABASE_URL/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'rejects a broken file with FILE:LINE: reason and imports a good one, printing the tags to purge',
    async () => {
      const env = { DATABASE_URL: process.env.TEST_DATABASE_URL };
      const channel = '<channel id="cli.test"><display-name>命令行测试</display-name></channel>';
      const bad = write(
        'bad.xml',
        tv(
          `${channel}\n<programme start="20261128180000 +0800" stop="20261128170000 +0800" channel="cli.test"><title>倒序</title></programme>`,
        ),
      );
      const rejected = await runImporter(bad, env);
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain(`${bad}:5: stop is not after start`);
      expect(rejected.stderr).toMatch(/rejected, nothing imported/);

      const good = write(
        'good.xml',
        tv(
          `${channel}\n<programme start="20261128180000 +0800" stop="20261128190000 +0800" channel="cli.test"><title>正序</title></programme>`,
        ),
      );
      const imported = await runImporter(good, env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/cache tags to purge: (.*streamChannel:\d+|\(none\))/);
    },
  );
});
