import type { Redis } from 'ioredis';
import type {
  ChangeNote,
  FeatureSnapshot,
  HotPosition,
  HotState,
  KillSwitchChange,
  KillSwitchState,
  ModelPointer,
} from '../../core/storage/hotState.js';
import { RedisInputError } from './errors.js';
import { SET_KILL_SWITCH, WRITE_FEATURES, WRITE_HASH } from './hotStateScripts.js';
import { hotStateKeys, type HotStateKeys } from './hotStateKeys.js';
import { checkName, checkSize, checkTime } from './limits.js';
import {
  parseFeatures,
  parseKillSwitch,
  parseKillSwitchChange,
  parseModelPointer,
  parsePosition,
} from './parseHotState.js';
import type { RedisConnection } from './redisConnection.js';
import { runRedis } from './runRedis.js';

/** Changes of the kill switch kept in its history list. */
export const KILL_SWITCH_HISTORY_LENGTH = 1000;

/**
 * The hot state in Redis (key layout in hotStateKeys.ts). Every multi-key or replace write is one Lua script that
 * checks key types before its first write, so a call that fails leaves what was stored untouched.
 */
export class RedisHotState implements HotState {
  readonly keys: HotStateKeys;
  readonly #client: Redis;
  readonly #target: string;

  constructor(client: Redis, connection: RedisConnection) {
    this.#client = client;
    this.#target = connection.target;
    this.keys = hotStateKeys(connection.keyPrefix);
  }

  async writeFeatures(snapshot: FeatureSnapshot): Promise<boolean> {
    const key = this.keys.features(checkName('ticker', snapshot.ticker));
    const args: string[] = [String(checkTime('feature snapshot ts', snapshot.ts))];
    for (const [name, value] of Object.entries(snapshot.values)) {
      checkName(`feature name of ${snapshot.ticker}`, name);
      if (typeof value !== 'number') {
        throw new RedisInputError(`feature ${name} of ${snapshot.ticker}`, 'a number', value);
      }
      args.push(name, String(value));
    }
    checkSize(`feature snapshot of ${snapshot.ticker}`, args);
    const written = await this.#run('write features', key, 'hash', () => WRITE_FEATURES.run(this.#client, [key], args));
    return written === 1;
  }

  async readFeatures(ticker: string): Promise<FeatureSnapshot | null> {
    const key = this.keys.features(checkName('ticker', ticker));
    const fields = await this.#run('HGETALL', key, 'hash', () => this.#client.hgetall(key));
    return parseFeatures(key, ticker, fields);
  }

  async setPosition(book: string, position: HotPosition): Promise<void> {
    await this.#writePositions(book, [position], 'merge');
  }

  async replacePositions(book: string, positions: readonly HotPosition[]): Promise<void> {
    await this.#writePositions(book, positions, 'replace');
  }

  async readPositions(book: string): Promise<HotPosition[]> {
    const key = this.keys.positions(checkName('book', book));
    const fields = await this.#run('HGETALL', key, 'hash', () => this.#client.hgetall(key));
    return Object.entries(fields)
      .map(([ticker, text]) => parsePosition(key, ticker, text))
      .sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
  }

  engageKillSwitch(note: ChangeNote): Promise<void> {
    return this.#setKillSwitch(true, note);
  }

  releaseKillSwitch(note: ChangeNote): Promise<void> {
    return this.#setKillSwitch(false, note);
  }

  async readKillSwitch(): Promise<KillSwitchState> {
    const key = this.keys.killSwitch;
    const fields = await this.#run('HGETALL', key, 'hash', () => this.#client.hgetall(key));
    return parseKillSwitch(key, fields);
  }

  async readKillSwitchHistory(limit: number): Promise<KillSwitchChange[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RedisInputError('history limit', 'a whole number >= 1', limit);
    }
    const key = this.keys.killSwitchHistory;
    const items = await this.#run('LRANGE', key, 'list', () => this.#client.lrange(key, 0, limit - 1));
    return items.map((text) => parseKillSwitchChange(key, text));
  }

  async setProductionModel(pointer: ModelPointer): Promise<void> {
    const key = this.keys.productionModels;
    checkName('model', pointer.model);
    checkName('model version', pointer.version);
    if (typeof pointer.blobKey !== 'string' || pointer.blobKey === '') {
      throw new RedisInputError(`blob key of model ${pointer.model}`, 'a non-empty blob key', pointer.blobKey);
    }
    const note = checkNote(pointer.changed);
    const text = JSON.stringify({ ...pointer, changed: note });
    checkSize(`production-model pointer of ${pointer.model}`, [text]);
    const channel = this.keys.productionModelsChannel;
    await this.#run('set production model', key, 'hash', () =>
      WRITE_HASH.run(this.#client, [key], ['merge', channel, pointer.model, text]),
    );
  }

  async readProductionModel(model: string): Promise<ModelPointer | null> {
    const key = this.keys.productionModels;
    const text = await this.#run('HGET', key, 'hash', () => this.#client.hget(key, checkName('model', model)));
    return text === null ? null : parseModelPointer(key, model, text);
  }

  async #writePositions(book: string, positions: readonly HotPosition[], mode: 'merge' | 'replace'): Promise<void> {
    const key = this.keys.positions(checkName('book', book));
    const args: string[] = [mode, ''];
    for (const position of positions) {
      checkName(`ticker of a position in book ${book}`, position.ticker);
      for (const field of ['quantity', 'costBasisMicros'] as const) {
        if (!Number.isSafeInteger(position[field])) {
          throw new RedisInputError(
            `${field} of ${position.ticker} in book ${book}`,
            'a whole number',
            position[field],
          );
        }
      }
      checkTime(`ts of ${position.ticker} in book ${book}`, position.ts);
      const { quantity, costBasisMicros, ts } = position;
      args.push(position.ticker, JSON.stringify({ quantity, costBasisMicros, ts }));
    }
    checkSize(`positions of book ${book}`, args);
    await this.#run(`${mode} positions`, key, 'hash', () => WRITE_HASH.run(this.#client, [key], args));
  }

  async #setKillSwitch(engaged: boolean, note: ChangeNote): Promise<void> {
    const checked = checkNote(note);
    const change: KillSwitchChange = { engaged, ...checked };
    const text = JSON.stringify(change);
    checkSize('kill switch change', [text]);
    const { killSwitch, killSwitchHistory, killSwitchChannel } = this.keys;
    const args = [engaged ? '1' : '0', checked.by, checked.reason, String(checked.at), text];
    await this.#run('set kill switch', killSwitch, 'hash', () =>
      SET_KILL_SWITCH.run(
        this.#client,
        [killSwitch, killSwitchHistory],
        [...args, KILL_SWITCH_HISTORY_LENGTH, killSwitchChannel],
      ),
    );
  }

  #run<T>(command: string, key: string, expectedType: string, call: () => Promise<T>): Promise<T> {
    return runRedis({ target: this.#target, command, key, expectedType }, call);
  }
}

/** Who, why and when must all be given: an anonymous or timeless change of the kill switch is refused. */
function checkNote(note: ChangeNote): ChangeNote {
  if (typeof note.by !== 'string' || note.by.trim() === '') {
    throw new RedisInputError('by', 'a non-empty name', note.by);
  }
  if (typeof note.reason !== 'string' || note.reason.trim() === '') {
    throw new RedisInputError('reason', 'a non-empty text', note.reason);
  }
  return { by: note.by, reason: note.reason, at: checkTime('at', note.at) };
}
