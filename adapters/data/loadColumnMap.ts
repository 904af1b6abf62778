import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { ColumnMap } from '../../config/columnMap.js';
import { ColumnMapSchema } from '../../config/columnMap.js';
import { FileUnreadableError, InvalidColumnMapError } from '../../core/data/errors.js';

/** Validates an already parsed column map object; every problem is reported at once, one line each. */
export function parseColumnMap(file: string, value: unknown): ColumnMap {
  const result = ColumnMapSchema.safeParse(value ?? {});
  if (result.success) return Object.freeze(result.data);
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(root)';
    let found: unknown = value;
    for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const was =
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : `was ${JSON.stringify(found)}`;
    return `${path}: ${issue.message}, ${was}`;
  });
  throw new InvalidColumnMapError(file, problems);
}

/** Reads and validates a column-mapping YAML file (`--map columns.yaml`). */
export async function loadColumnMap(file: string): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FileUnreadableError(file, error);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new InvalidColumnMapError(file, [
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return parseColumnMap(file, value);
}
