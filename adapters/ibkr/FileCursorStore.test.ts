import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withCovered, withPending } from '../../core/ibkr/FetchCursor.js';
import { FileCursorStore } from './FileCursorStore.js';
import { FilePacingLog } from './FilePacingLog.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'cursor-'));
  dirs.push(dir);
  return dir;
};

describe('FileCursorStore', () => {
  it('starts empty, saves by replacing the file, and reads back what it saved', async () => {
    const root = fresh();
    const store = new FileCursorStore(root);
    const empty = await store.load('ibkr-5m', 'AAPL', '5m', true);

    await store.save(withPending(withCovered(empty, 100, 200), { fromMs: 200, toMs: 300, bars: 4 }));
    await store.save(withCovered(withPending(await store.load('ibkr-5m', 'AAPL', '5m', true), null), 200, 300));

    expect(empty.covered).toEqual([]);
    expect(await store.load('ibkr-5m', 'AAPL', '5m', true)).toMatchObject({ covered: [[100, 300]], pending: null });
    expect(readdirSync(join(root, 'ibkr-5m'))).toEqual(['AAPL-5m.json']);
    expect(store.pathOf('d', 'MSFT', '1m', false)).toBe(join(root, 'd', 'MSFT-1m-all-hours.json'));
  });

  it('refuses names that could leave the folder and files that are not this cursor', async () => {
    const root = fresh();
    const store = new FileCursorStore(root);
    writeFileSync(join(root, 'x.json'), '');

    expect(() => store.pathOf('../up', 'AAPL', '5m', true)).toThrow(
      expect.objectContaining({ code: 'IBKR_INVALID_SETTING' }),
    );
    await store.save(await store.load('d', 'AAPL', '5m', true));
    const path = store.pathOf('d', 'MSFT', '5m', true);
    writeFileSync(path, JSON.stringify({ ...(await store.load('d', 'AAPL', '5m', true)) }));
    await expect(store.load('d', 'MSFT', '5m', true)).rejects.toMatchObject({ code: 'IBKR_INVALID_SETTING' });
    writeFileSync(path, '{"version":1,');
    await expect(store.load('d', 'MSFT', '5m', true)).rejects.toThrow(/must be JSON/);
  });
});

describe('FilePacingLog', () => {
  it('keeps the starts between runs and treats a missing or broken file as no history', async () => {
    const path = join(fresh(), 'pacing', 'gw.json');
    const log = new FilePacingLog(path);
    const starts = [{ atMs: 5, key: 'k', contractKey: 'c', weight: 1 }];

    expect(await log.load()).toEqual([]);
    await log.save(starts);
    expect(await new FilePacingLog(path).load()).toEqual(starts);
    writeFileSync(path, 'not json');
    expect(await log.load()).toEqual([]);
  });
});
