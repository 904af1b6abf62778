import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lookupPassword } from './pgPassword.js';

const target = { host: '127.0.0.1', port: 5432, database: 'intraday_test_1', user: 'intraday' };

function passfile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'intraday-pgpass-')), 'pgpass');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

describe('lookupPassword', () => {
  test('prefers PGPASSWORD over the password file', async () => {
    const file = passfile('*:*:*:*:from-file\n');

    expect(await lookupPassword(target, { PGPASSWORD: 'from-env', PGPASSFILE: file })).toBe('from-env');
  });

  test('takes the first matching line, with * as a wildcard and \\: \\\\ as escapes', async () => {
    const file = passfile(
      [
        '# comment',
        '127.0.0.1:5432:other:intraday:wrong-database',
        'localhost:5432:*:intraday:wrong-host',
        '127.0.0.1:5432:*:intraday:pa\\:ss\\\\word',
        '*:*:*:*:too-late',
      ].join('\n'),
    );

    expect(await lookupPassword(target, { PGPASSFILE: file })).toBe('pa:ss\\word');
  });

  test('returns undefined when no line matches or the file is missing', async () => {
    const file = passfile('127.0.0.1:5433:*:intraday:other-port\n');

    expect(await lookupPassword(target, { PGPASSFILE: file })).toBeUndefined();
    expect(await lookupPassword(target, { PGPASSFILE: join(tmpdir(), 'no-such-pgpass') })).toBeUndefined();
  });
});
