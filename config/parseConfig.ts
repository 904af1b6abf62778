import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors.js';

type Path = readonly PropertyKey[];

/** Renders a value found in a file for an error message: strings quoted, objects abbreviated. */
function renderValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

function renderPath(path: Path): string {
  if (path.length === 0) return '(top level)';
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** 1-based line of the node at `path`, or of its closest existing parent. */
function lineAt(root: Node | null, path: Path, counter: LineCounter): number | undefined {
  let node: unknown = root;
  let line: number | undefined = root?.range ? counter.linePos(root.range[0]).line : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = counter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      const range = (node as Node | undefined)?.range;
      if (range) line = counter.linePos(range[0]).line;
    } else {
      break;
    }
  }
  return line;
}

/** Keys a strict object schema accepts at `path` (best effort, for "expected one of" hints). */
function knownKeysAt(schema: z.ZodType, path: Path): string[] {
  let current: unknown = schema;
  const unwrap = (node: unknown): unknown => {
    let inner = node as { _zod?: { def?: { innerType?: unknown; type?: string } } };
    while (inner?._zod?.def?.innerType) inner = inner._zod.def.innerType as typeof inner;
    return inner;
  };
  current = unwrap(current);
  for (const key of path) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (def?.['type'] === 'object') current = unwrap((def['shape'] as Record<string, unknown>)[String(key)]);
    else if (def?.['type'] === 'record') current = unwrap(def['valueType']);
    else if (def?.['type'] === 'array') current = unwrap(def['element']);
    else return [];
  }
  const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  return def?.['type'] === 'object' ? Object.keys(def['shape'] as object) : [];
}

/** Turns one zod issue into a sentence: "<key> must be <expected>, was <found>". */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, schema: z.ZodType): { path: Path; text: string } {
  const path = issue.path as Path;
  const found = renderValue(valueAt(data, path));
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(data, path) === undefined) {
        return { path, text: `${renderPath(path)} is missing (expected ${article(issue.expected)})` };
      }
      return { path, text: `${renderPath(path)} must be ${article(issue.expected)}, was ${found}` };
    case 'too_small': {
      const bound = issue.inclusive ? 'at least' : 'greater than';
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      return { path, text: `${renderPath(path)} must be ${bound} ${String(issue.minimum)}${unit}, was ${found}` };
    }
    case 'too_big': {
      const bound = issue.inclusive ? 'at most' : 'less than';
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      return { path, text: `${renderPath(path)} must be ${bound} ${String(issue.maximum)}${unit}, was ${found}` };
    }
    case 'invalid_value':
      return {
        path,
        text: `${renderPath(path)} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, was ${found}`,
      };
    case 'invalid_union': {
      // zod's own text ("Invalid discriminator value. Expected 'a' | 'b'", "Invalid input") reads badly after
      // "must be": name the tag's choices, or the types the branches accept.
      const expected = unionExpectation(issue);
      if (expected === null) break;
      if (valueAt(data, path) === undefined) {
        return { path, text: `${renderPath(path)} is missing (expected ${expected})` };
      }
      return { path, text: `${renderPath(path)} must be ${expected}, was ${found}` };
    }
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path);
      const hint = known.length > 0 ? ` (expected one of: ${known.join(', ')})` : '';
      return {
        path: [...path, issue.keys[0] ?? ''],
        text: issue.keys.map((key) => `${renderPath([...path, key])} is not a known key${hint}`).join('; '),
      };
    }
    default:
      break;
  }
  const expected = issue.message.replace(/^Invalid (string|input): /, '');
  return { path, text: `${renderPath(path)} must be ${expected}, was ${found}` };
}

/** "one of "a", "b"" for a tagged union, "a number or a string" for a union of plain types, else null. */
function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string | null {
  if ('options' in issue && issue.options && issue.options.length > 0) {
    return `one of ${issue.options.map((option) => JSON.stringify(option)).join(', ')}`;
  }
  const types = issue.errors.map((branch) =>
    branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0
      ? article(branch[0]!.expected)
      : null,
  );
  if (types.length === 0 || types.some((type) => type === null)) return null;
  return types.length === 1 ? types[0]! : `${types.slice(0, -1).join(', ')} or ${types.at(-1)!}`;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  if (expected === 'integer' || expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Result of parsing one file: the typed value or the problems found, each naming file, line and key. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Parses YAML text and validates it against a zod schema. Every problem is reported at once, one line each:
 * `config/risk.yaml:7: limits.max_position_pct must be at most 1, was 5`.
 */
export function parseConfigText<S extends z.ZodType>(file: string, text: string, schema: S): ParseResult<z.output<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const line = counter.linePos(error.pos[0]).line;
        return `${file}${line ? `:${line}` : ''}: YAML syntax error: ${error.message.split('\n')[0]}`;
      }),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const { path, text: sentence } = describeIssue(issue, data, schema);
    const line = lineAt(doc.contents, path, counter);
    return `${file}${line ? `:${line}` : ''}: ${sentence}`;
  });
  return { ok: false, problems };
}

/** Like parseConfigText but throws a ConfigError listing every problem. */
export function parseConfigOrThrow<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const result = parseConfigText(file, text, schema);
  if (!result.ok) throw new ConfigError(result.problems);
  return deepFreeze(result.value);
}

/** Freezes a parsed configuration so nothing downstream can change it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
