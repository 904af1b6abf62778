import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisTestKit, type RedisTestKit } from '../../tests/support/redisTestKit.js';
import { MAX_VALUE_BYTES } from './limits.js';
import { RedisHotState } from './RedisHotState.js';

// Against the real redis-server that scripts/setup.sh starts; each run has its own key prefix.
let kit: RedisTestKit;
let state: RedisHotState;

beforeAll(async () => {
  kit = await openRedisTestKit('hotstate');
  state = new RedisHotState(kit.client, kit.connection);
});

afterAll(async () => {
  await kit.cleanup();
});

const note = (at: number, reason = 'test') => ({ by: 'alice', reason, at });

/** A hot state under a prefix of its own: tests run in random order and must not see each other's kill switch. */
const own = (name: string) => new RedisHotState(kit.client, { ...kit.connection, keyPrefix: `${kit.prefix}${name}:` });

describe('RedisHotState features', () => {
  it('round-trips a snapshot exactly, NaN and infinities included', async () => {
    const values = { rsi_14: 0.1 + 0.2, ret_1: -0.000123, vol_20: Number.NaN, z: Number.NEGATIVE_INFINITY };

    const written = await state.writeFeatures({ ticker: 'AAPL', ts: 1_700_000_000_000, values });
    const back = await state.readFeatures('AAPL');

    expect(written).toBe(true);
    expect(back).toEqual({ ticker: 'AAPL', ts: 1_700_000_000_000, values });
    expect(await state.readFeatures('NONE')).toBeNull();
  });

  it('keeps the later bar when an older snapshot arrives late, and drops features the new bar lacks', async () => {
    await state.writeFeatures({ ticker: 'MSFT', ts: 2_000, values: { a: 1, b: 2 } });
    await state.writeFeatures({ ticker: 'MSFT', ts: 3_000, values: { a: 3 } });

    const late = await state.writeFeatures({ ticker: 'MSFT', ts: 2_500, values: { a: 99, b: 99 } });

    expect(late, 'a late (older) bar must not replace the newer one').toBe(false);
    expect(await state.readFeatures('MSFT')).toEqual({ ticker: 'MSFT', ts: 3_000, values: { a: 3 } });
  });

  it('never lets a concurrent reader see features of two bars mixed', async () => {
    // Each bar writes the same value (its index) into 40 features; a torn read would show two different values.
    const names = Array.from({ length: 40 }, (_, i) => `f${i}`);
    const reader = kit.newClient('reader');
    const readerState = new RedisHotState(reader, kit.connection);
    let writing = true;
    const writer = (async () => {
      for (let bar = 1; bar <= 300; bar++) {
        await state.writeFeatures({ ticker: 'TORN', ts: bar, values: Object.fromEntries(names.map((n) => [n, bar])) });
      }
      writing = false;
    })();
    let reads = 0;
    const seen = new Set<number>();
    while (writing) {
      const snapshot = await readerState.readFeatures('TORN');
      if (snapshot === null) continue;
      const distinct = new Set(Object.values(snapshot.values));
      expect([...distinct], `read ${reads}: one bar's values only`).toEqual([snapshot.ts]);
      expect(Object.keys(snapshot.values)).toHaveLength(40);
      seen.add(snapshot.ts);
      reads++;
    }
    await writer;

    expect(reads).toBeGreaterThan(10);
    expect(seen.size, 'the reader saw several bars go by').toBeGreaterThan(2);
  });

  it('refuses an oversized snapshot and keeps the stored one', async () => {
    await state.writeFeatures({ ticker: 'BIG', ts: 1, values: { a: 1 } });
    const values = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`feature_number_${i}`, i + 0.5]));

    const attempt = state.writeFeatures({ ticker: 'BIG', ts: 2, values });

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_VALUE_TOO_LARGE' });
    await expect(attempt).rejects.toThrow(/feature snapshot of BIG is \d+ bytes, above the limit of 1048576 bytes/);
    expect(await state.readFeatures('BIG')).toEqual({ ticker: 'BIG', ts: 1, values: { a: 1 } });
    expect(MAX_VALUE_BYTES).toBe(1_048_576);
  });

  it('refuses a key of the wrong type with its name and leaves it untouched', async () => {
    const key = state.keys.features('WRONG');
    await kit.client.set(key, 'someone else owns this');

    const attempt = state.writeFeatures({ ticker: 'WRONG', ts: 5, values: { a: 1 } });

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_WRONG_TYPE' });
    await expect(attempt).rejects.toThrow(`Redis key "${key}" holds a string, expected a hash; nothing was written`);
    expect(await kit.client.get(key)).toBe('someone else owns this');
    await expect(state.readFeatures('WRONG')).rejects.toMatchObject({ code: 'REDIS_WRONG_TYPE' });
  });

  it('reports a damaged stored value with its key instead of returning a wrong number', async () => {
    const key = state.keys.features('DAMAGED');
    await kit.client.hset(key, '@ts', '10', 'a', 'abc');

    const attempt = state.readFeatures('DAMAGED');

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_BAD_STORED_VALUE' });
    await expect(attempt).rejects.toThrow(`Redis key "${key}": feature a is "abc", expected a number`);
  });

  it('refuses bad names and non-numeric values before sending anything', async () => {
    await expect(state.writeFeatures({ ticker: 'A B', ts: 1, values: {} })).rejects.toThrow(
      /ticker must be 1-128 letters, digits or \. _ \/ - \(starting with a letter or digit\), was "A B"/,
    );
    await expect(state.writeFeatures({ ticker: 'OK', ts: 1.5, values: {} })).rejects.toMatchObject({
      code: 'REDIS_BAD_INPUT',
    });
    await expect(state.writeFeatures({ ticker: 'OK', ts: 1, values: { a: '1' as unknown as number } })).rejects.toThrow(
      'feature a of OK must be a number, was "1"',
    );
    expect(await state.readFeatures('OK')).toBeNull();
  });
});

describe('RedisHotState positions', () => {
  it('sets one position, replaces a whole book, and reads them back sorted by ticker', async () => {
    await state.setPosition('momentum', { ticker: 'MSFT', quantity: 10, costBasisMicros: 4_000_000_000, ts: 1 });
    await state.setPosition('momentum', { ticker: 'AAPL', quantity: -5, costBasisMicros: -900_000_000, ts: 2 });

    expect(await state.readPositions('momentum')).toEqual([
      { ticker: 'AAPL', quantity: -5, costBasisMicros: -900_000_000, ts: 2 },
      { ticker: 'MSFT', quantity: 10, costBasisMicros: 4_000_000_000, ts: 1 },
    ]);

    await state.replacePositions('momentum', [{ ticker: 'GOOG', quantity: 3, costBasisMicros: 500_000_000, ts: 9 }]);

    expect(await state.readPositions('momentum')).toEqual([
      { ticker: 'GOOG', quantity: 3, costBasisMicros: 500_000_000, ts: 9 },
    ]);
    await state.replacePositions('momentum', []);
    expect(await state.readPositions('momentum')).toEqual([]);
    expect(await state.readPositions('other')).toEqual([]);
  });

  it('refuses fractional shares and keeps the book as it was', async () => {
    await state.replacePositions('exact', [{ ticker: 'SPY', quantity: 1, costBasisMicros: 1, ts: 1 }]);

    const attempt = state.replacePositions('exact', [{ ticker: 'QQQ', quantity: 0.5, costBasisMicros: 1, ts: 2 }]);

    await expect(attempt).rejects.toThrow('quantity of QQQ in book exact must be a whole number, was 0.5');
    expect(await state.readPositions('exact')).toEqual([{ ticker: 'SPY', quantity: 1, costBasisMicros: 1, ts: 1 }]);
  });
});

describe('RedisHotState kill switch', () => {
  it('is released and never set on a fresh prefix', async () => {
    const fresh = own('fresh');

    expect(await fresh.readKillSwitch()).toEqual({ engaged: false, last: null });
    expect(await fresh.readKillSwitchHistory(10)).toEqual([]);
  });

  it('records who, why and when for engage and release, with the history latest first', async () => {
    const state = own('history');
    await state.engageKillSwitch(note(1_000, 'reconcile mismatch on AAPL'));
    expect(await state.readKillSwitch()).toEqual({
      engaged: true,
      last: { by: 'alice', reason: 'reconcile mismatch on AAPL', at: 1_000 },
    });

    await state.releaseKillSwitch({ by: 'bob', reason: 'positions match again', at: 2_000 });

    expect(await state.readKillSwitch()).toEqual({
      engaged: false,
      last: { by: 'bob', reason: 'positions match again', at: 2_000 },
    });
    expect(await state.readKillSwitchHistory(5)).toEqual([
      { engaged: false, by: 'bob', reason: 'positions match again', at: 2_000 },
      { engaged: true, by: 'alice', reason: 'reconcile mismatch on AAPL', at: 1_000 },
    ]);
  });

  it('publishes each change so the hot path reacts without polling', async () => {
    const state = own('publish');
    const subscriber = kit.newClient('subscriber');
    const received: string[] = [];
    subscriber.on('message', (_channel: string, message: string) => received.push(message));
    await subscriber.subscribe(state.keys.killSwitchChannel);

    await state.engageKillSwitch(note(3_000, 'drill'));
    for (let i = 0; i < 300 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));

    expect(received.map((m) => JSON.parse(m) as unknown)).toEqual([
      { engaged: true, by: 'alice', reason: 'drill', at: 3_000 },
    ]);
    await subscriber.unsubscribe();
  });

  it('refuses an anonymous change, a missing time and an oversized reason, and keeps the last state', async () => {
    const state = own('refuse');
    await state.engageKillSwitch(note(4_000, 'before'));

    await expect(state.releaseKillSwitch({ by: ' ', reason: 'x', at: 5_000 })).rejects.toThrow(
      'by must be a non-empty name',
    );
    await expect(state.releaseKillSwitch({ by: 'a', reason: 'x', at: Number.NaN })).rejects.toThrow(
      'at must be whole UTC epoch milliseconds, was null',
    );
    await expect(state.releaseKillSwitch(note(5_000, 'x'.repeat(MAX_VALUE_BYTES + 1)))).rejects.toMatchObject({
      code: 'REDIS_VALUE_TOO_LARGE',
    });

    expect(await state.readKillSwitch()).toEqual({ engaged: true, last: { by: 'alice', reason: 'before', at: 4_000 } });
  });
});

describe('RedisHotState production-model pointer', () => {
  it('round-trips the pointer per model and announces the change', async () => {
    const subscriber = kit.newClient('models');
    const received: string[] = [];
    subscriber.on('message', (_channel: string, message: string) => received.push(message));
    await subscriber.subscribe(state.keys.productionModelsChannel);
    const pointer = {
      model: 'lgbm_direction',
      version: '7',
      blobKey: 'models/lgbm_direction/7/model.onnx',
      changed: { by: 'promotion-workflow', reason: 'approved by carol', at: 6_000 },
    };

    await state.setProductionModel(pointer);
    for (let i = 0; i < 300 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));

    expect(await state.readProductionModel('lgbm_direction')).toEqual(pointer);
    expect(await state.readProductionModel('unknown')).toBeNull();
    expect(received).toEqual(['lgbm_direction']);
    await subscriber.unsubscribe();
  });
});
