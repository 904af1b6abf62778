import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingInputInvalidError } from '../../adapters/model/errors.js';
import { runLightgbmFloor } from '../../adapters/model/runTraining.js';
import { DIRECTION_5, generatedFeatures, PYTHON, smallSpec, TRAINING_TIMEOUT } from '../support/modelKit.js';

// The benchmark's LightGBM floor through the real venv python: the call the benchmark makes, on generated features.
const FEATURES = ['returns', 'roc_5', 'rsi_14', 'sma_50', 'volume_ratio'];

let dir: string;
let data: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lightgbm-floor-'));
  data = await generatedFeatures(dir);
}, TRAINING_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runLightgbmFloor', () => {
  it(
    'times the rounds asked (one tree per class each) and extrapolates to the model rounds',
    async () => {
      const model = { ...smallSpec('lightgbm', 'classification', 500), params: { seed: 7, num_threads: 1 } };
      const floor = await runLightgbmFloor(
        { data, features: FEATURES, target: DIRECTION_5, model, modelName: 'floor_test' },
        3,
        PYTHON,
      );
      expect(floor.trees).toBe(9);
      expect(floor.threads).toBe(1);
      expect(floor.num_boost_round).toBe(500);
      expect(floor.round_seconds).toBeGreaterThan(0);
      expect(floor.fit_seconds_extrapolated).toBeCloseTo(floor.round_seconds * 500, 6);
      expect(floor.rows_train).toBeGreaterThan(1000);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'refuses a model of another framework as bad input',
    async () => {
      const model = smallSpec('xgboost', 'classification');
      await expect(
        runLightgbmFloor({ data, features: FEATURES, target: DIRECTION_5, model, modelName: 'xgb' }, 3, PYTHON),
      ).rejects.toThrow(TrainingInputInvalidError);
    },
    TRAINING_TIMEOUT,
  );
});
