import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackEnv } from './resolveFeedbackTarget.js';

/** The connection a password is looked up for. */
export interface PasswordFor {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/**
 * The password for a connection: PGPASSWORD, else the first matching line of the password file (PGPASSFILE, else
 * ~/.pgpass; `host:port:database:user:password`, `*` matches anything, `\:` and `\\` are escapes), as libpq does.
 * scripts/setup/postgres.sh stores the generated password of the local role there. Undefined when none matches.
 */
export async function lookupPassword(target: PasswordFor, env: FeedbackEnv): Promise<string | undefined> {
  if (env['PGPASSWORD']) return env['PGPASSWORD'];
  const file = env['PGPASSFILE'] || join(env['HOME'] || homedir(), '.pgpass');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const wanted = [target.host, String(target.port), target.database, target.user];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = splitFields(line);
    if (fields.length < 5) continue;
    if (wanted.every((value, index) => fields[index] === '*' || fields[index] === value)) return fields[4];
  }
  return undefined;
}

/** Splits a .pgpass line on unescaped colons, removing the escapes. */
function splitFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === '\\' && index + 1 < line.length) {
      current += line[++index];
    } else if (char === ':' && fields.length < 4) {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}
