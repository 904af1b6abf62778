import { describe } from 'vitest';
import { migrate, PgliteSession, readMigrations } from '../../adapters/feedback/index.js';
import { feedbackLogContract } from '../support/feedbackLogContract.js';

// The embedded default (PGlite in this process), in memory: the same suite as the server. Two differences, both
// about the engine rather than the log: the bulk COPY uses 100,000 rows, because PGlite (single-threaded
// WebAssembly) copies about 30,000 rows/s here, so 1,000,000 rows would take over 30 s even unloaded (measured:
// 133 s as one blob on the loaded machine); and there is no connection to break, so the broken-connection tests
// run only against the server.
describe('feedback log on embedded PGlite', () => {
  feedbackLogContract({
    name: 'pglite',
    bulkRows: 100_000,
    bulkTimeoutSeconds: 240,
    async open() {
      const session = await PgliteSession.open('memory://');
      await migrate(session, readMigrations());
      return session;
    },
    async dispose() {},
  });
});
