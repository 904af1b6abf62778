import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testArtifacts } from '../../tests/support/modelFixtures.js';
import { LocalBlobStore } from '../blob/LocalBlobStore.js';
import { ModelRegistry } from './ModelRegistry.js';
import { sha256 } from './modelFiles.js';

// Runs against the real local-folder BlobStore in a temporary data folder (the embedded default store).
let root: string;
let clock: number;
const now = (): Date => new Date(Date.UTC(2026, 10, 21, 9, 0, clock++));
const registryAt = (folder: string): ModelRegistry => new ModelRegistry(new LocalBlobStore(join(folder, 'blobs')), now);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'registry-'));
  clock = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ModelRegistry', () => {
  it('assigns v1, v2, ... and stores the three files under models/{name}/{version}/', async () => {
    const registry = registryAt(root);
    const artifacts = testArtifacts();

    const first = await registry.register(artifacts);
    const second = await registry.register(testArtifacts({}, 'other onnx'));

    expect([first.version, second.version]).toEqual(['v1', 'v2']);
    expect(first.keys).toEqual({
      onnx: 'models/lgbm_direction/v1/model.onnx',
      card: 'models/lgbm_direction/v1/card.json',
      native: 'models/lgbm_direction/v1/model.txt',
    });
    expect(new TextDecoder().decode(await registry.store.get(second.keys.onnx))).toBe('other onnx');
    expect(new TextDecoder().decode(await registry.store.get(first.keys.card)), 'card stored as written').toBe(
      artifacts.cardText,
    );
    expect(first.sha256['model.onnx']).toBe(sha256('onnx bytes'));
    expect(first.registered).toBe('2026-11-21T09:00:00.000Z');
  });

  it('lists every version of every name in order and gets one with its card', async () => {
    const registry = registryAt(root);
    await registry.register(testArtifacts());
    await registry.register(testArtifacts({ name: 'xgb_direction', framework: 'xgboost' }));
    await registry.register(testArtifacts());

    const all = await registry.list();
    const one = await registry.get('lgbm_direction', 'v2');

    expect(all.map((m) => `${m.name}@${m.version}`)).toEqual([
      'lgbm_direction@v1',
      'lgbm_direction@v2',
      'xgb_direction@v1',
    ]);
    expect((await registry.list('xgb_direction')).map((m) => m.version)).toEqual(['v1']);
    expect(one.card.target.name).toBe('direction_5');
    expect(one.card.features).toEqual(['ret_1', 'rsi_14', 'volume_z_20']);
  });

  it('gives the highest complete version as latest, null for an unknown name', async () => {
    const registry = registryAt(root);
    await registry.register(testArtifacts());
    await registry.register(testArtifacts());

    expect((await registry.latest('lgbm_direction'))?.version).toBe('v2');
    expect(await registry.latest('nothing_here')).toBeNull();
  });

  it('compares versions as numbers, so v10 is later than v9', async () => {
    const registry = registryAt(root);
    for (let k = 0; k < 10; k++) await registry.register(testArtifacts());

    expect((await registry.latest('lgbm_direction'))?.version).toBe('v10');
    expect((await registry.list('lgbm_direction')).map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('sets and reads the production pointer, which needs an existing version', async () => {
    const registry = registryAt(root);
    await registry.register(testArtifacts());
    await registry.register(testArtifacts());

    expect(await registry.production('lgbm_direction'), 'no pointer yet').toBeNull();
    await registry.setProduction('lgbm_direction', 'v1');
    expect((await registry.production('lgbm_direction'))?.version).toBe('v1');
    expect((await registry.resolve('lgbm_direction', 'production')).version).toBe('v1');
    expect((await registry.resolve('lgbm_direction', 'latest')).version).toBe('v2');
    await expect(registry.setProduction('lgbm_direction', 'v7')).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
      message: 'model registry: model "lgbm_direction" has no version "v7"; versions: "v1", "v2"',
    });
    expect((await registry.production('lgbm_direction'))?.version, 'a refused pointer leaves the old one').toBe('v1');
  });

  it('names what is registered when a model or version is missing', async () => {
    const registry = registryAt(root);
    await registry.register(testArtifacts());

    await expect(registry.get('lgbm_return', 'v1')).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
      message: 'model registry: no model named "lgbm_return"; registered: "lgbm_direction"',
    });
    await expect(registry.resolve('lgbm_return', 'latest')).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
    await expect(registry.get('lgbm_direction', 'latest')).rejects.toMatchObject({ code: 'MODEL_NAME_INVALID' });
    await expect(registry.register(testArtifacts(), '../escape')).rejects.toMatchObject({ code: 'MODEL_NAME_INVALID' });
  });

  it('gives concurrent registrations distinct versions, also from separate store instances', async () => {
    const registries = [registryAt(root), registryAt(root), registryAt(root)];

    const made = await Promise.all(
      Array.from({ length: 12 }, (_, k) => registries[k % 3]!.register(testArtifacts({}, `onnx ${k}`))),
    );

    const versions = made.map((m) => m.number).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const model of made) {
      const text = new TextDecoder().decode(await registries[0]!.store.get(model.keys.onnx));
      expect(sha256(text), `${model.version} holds the bytes its registration recorded`).toBe(
        model.sha256['model.onnx'],
      );
    }
    expect(await registries[0]!.list('lgbm_direction')).toHaveLength(12);
  });

  it('skips a version whose registration never finished, and does not reuse its number', async () => {
    const registry = registryAt(root);
    await registry.register(testArtifacts());
    await registry.store.put('models/lgbm_direction/v2/registration.json', '{"name":"lgbm_direction","version":"v2"}');

    const third = await registry.register(testArtifacts());

    expect(third.version).toBe('v3');
    expect((await registry.list('lgbm_direction')).map((m) => m.version)).toEqual(['v1', 'v3']);
    await expect(registry.get('lgbm_direction', 'v2')).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
  });
});
