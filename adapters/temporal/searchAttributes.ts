import type { Connection } from '@temporalio/client';
import { EXPERIMENT_SEARCH_ATTRIBUTES } from '../../core/experiment/searchAttributes.js';

/** Temporal's IndexedValueType numbers (temporal.api.enums.v1.IndexedValueType). */
const INDEXED_VALUE_TYPE = { TEXT: 1, KEYWORD: 2, INT: 3, DOUBLE: 4, BOOL: 5, DATETIME: 6, KEYWORD_LIST: 7 } as const;

/**
 * Registers the experiment search attributes on `namespace` when missing, so the same code prepares the embedded
 * dev server and a real cluster (where the operator service needs the right permission; with none, register them
 * once with `temporal operator search-attribute create`). Returns the names it added.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const listed = await connection.operatorService.listSearchAttributes({ namespace });
  const existing = listed.customAttributes ?? {};
  const missing = Object.entries(EXPERIMENT_SEARCH_ATTRIBUTES).filter(([name]) => !(name in existing));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]])),
  });
  return missing.map(([name]) => name);
}
