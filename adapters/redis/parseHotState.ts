import type {
  FeatureSnapshot,
  HotPosition,
  KillSwitchChange,
  KillSwitchState,
  ModelPointer,
} from '../../core/storage/hotState.js';
import { RedisStoredValueError } from './errors.js';

/** A feature hash back as a snapshot; null when the ticker has none. */
export function parseFeatures(key: string, ticker: string, fields: Record<string, string>): FeatureSnapshot | null {
  const names = Object.keys(fields);
  if (names.length === 0) return null;
  const ts = Number(fields['@ts']);
  if (!Number.isSafeInteger(ts)) {
    throw new RedisStoredValueError(key, `field @ts is ${JSON.stringify(fields['@ts'])}, expected epoch ms`);
  }
  const values: Record<string, number> = {};
  for (const name of names) {
    if (name === '@ts') continue;
    const text = fields[name]!;
    const value = Number(text);
    // Number('') is 0: an empty field is damage, not a zero.
    if (text === '' || (Number.isNaN(value) && text !== 'NaN')) {
      throw new RedisStoredValueError(key, `feature ${name} is ${JSON.stringify(text)}, expected a number`);
    }
    values[name] = value;
  }
  return { ticker, ts, values };
}

function parseJson(key: string, field: string, text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new RedisStoredValueError(key, `field ${field} is not a JSON object: ${text.slice(0, 80)}`);
}

/** One position field back as a HotPosition. */
export function parsePosition(key: string, ticker: string, text: string): HotPosition {
  const value = parseJson(key, ticker, text);
  const { quantity, costBasisMicros, ts } = value;
  if (![quantity, costBasisMicros, ts].every((n) => Number.isSafeInteger(n))) {
    throw new RedisStoredValueError(key, `position ${ticker} is ${text}, expected whole quantity, costBasisMicros, ts`);
  }
  return { ticker, quantity: quantity as number, costBasisMicros: costBasisMicros as number, ts: ts as number };
}

/** The kill switch hash back as a state; an absent hash is a released switch that was never set. */
export function parseKillSwitch(key: string, fields: Record<string, string>): KillSwitchState {
  if (Object.keys(fields).length === 0) return { engaged: false, last: null };
  const { engaged, by, reason, at } = fields;
  const ms = Number(at);
  if ((engaged !== '1' && engaged !== '0') || by === undefined || reason === undefined || !Number.isSafeInteger(ms)) {
    throw new RedisStoredValueError(
      key,
      `kill switch fields are ${JSON.stringify(fields)}, expected engaged, by, reason, at`,
    );
  }
  return { engaged: engaged === '1', last: { by, reason, at: ms } };
}

/** One production-model pointer back. */
export function parseModelPointer(key: string, model: string, text: string): ModelPointer {
  const value = parseJson(key, model, text) as unknown as ModelPointer;
  if (value.model !== model || typeof value.version !== 'string' || typeof value.blobKey !== 'string') {
    throw new RedisStoredValueError(
      key,
      `pointer of ${model} is ${text.slice(0, 200)}, expected model, version, blobKey`,
    );
  }
  return value;
}

/** One kill switch change of the history list back. */
export function parseKillSwitchChange(key: string, text: string): KillSwitchChange {
  const value = parseJson(key, 'history item', text);
  const { engaged, by, reason, at } = value;
  if (
    typeof engaged !== 'boolean' ||
    typeof by !== 'string' ||
    typeof reason !== 'string' ||
    !Number.isSafeInteger(at)
  ) {
    throw new RedisStoredValueError(key, `history item is ${text.slice(0, 200)}, expected engaged, by, reason, at`);
  }
  return { engaged, by, reason, at: at as number };
}
