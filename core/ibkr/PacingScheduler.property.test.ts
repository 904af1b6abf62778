import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PacingScheduler, type PacingRules } from './PacingScheduler.js';

interface Started {
  readonly atMs: number;
  readonly finishMs: number;
  readonly key: string;
  readonly contractKey: string;
  readonly weight: number;
}

/**
 * An independent reading of IB's rules (tws-api/historical_limitations.html), written as a brute-force scan over
 * the whole log with closed windows and weights counted in both windows (the strict reading the fake gateway
 * also takes), to judge a candidate start at `atMs` against everything started before it.
 */
function brokenRules(log: readonly Started[], candidate: Omit<Started, 'finishMs'>, rules: PacingRules): string[] {
  const broken: string[] = [];
  const t = candidate.atMs;
  const open = log.filter((s) => s.atMs <= t && s.finishMs > t).length;
  if (open >= rules.maxOpen) broken.push(`open ${open}`);
  const windowWeight = log.filter((s) => s.atMs >= t - rules.windowMs).reduce((sum, s) => sum + s.weight, 0);
  if (windowWeight + candidate.weight > rules.maxPerWindow) broken.push(`window weight ${windowWeight}`);
  const burst = log
    .filter((s) => s.contractKey === candidate.contractKey && s.atMs >= t - rules.burstWindowMs)
    .reduce((sum, s) => sum + s.weight, candidate.weight);
  if (burst > rules.maxPerBurst) broken.push(`burst weight ${burst}`);
  if (log.some((s) => s.key === candidate.key && s.atMs >= t - rules.identicalGapMs)) broken.push('identical');
  return broken;
}

const rulesArb: fc.Arbitrary<PacingRules> = fc.record({
  maxOpen: fc.integer({ min: 1, max: 8 }),
  windowMs: fc.integer({ min: 1_000, max: 60_000 }),
  maxPerWindow: fc.integer({ min: 2, max: 12 }),
  identicalGapMs: fc.integer({ min: 0, max: 20_000 }),
  burstWindowMs: fc.integer({ min: 0, max: 5_000 }),
  maxPerBurst: fc.integer({ min: 2, max: 6 }), // a weight-2 request must fit somewhere
  marginMs: fc.integer({ min: 0, max: 700 }),
});

const stepArb = fc.record({
  key: fc.integer({ min: 0, max: 5 }),
  contract: fc.integer({ min: 0, max: 2 }),
  heavy: fc.boolean(),
  delayMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4_000 })),
  durationMs: fc.integer({ min: 0, max: 30_000 }),
  pauseMs: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 20_000 })),
});

describe('PacingScheduler (property)', () => {
  it('never produces a start that breaks a rule, and never delays a start it could have allowed', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(stepArb, { minLength: 1, maxLength: 120 }), (rules, steps) => {
        const scheduler = new PacingScheduler(rules);
        const log: Started[] = [];
        const reported = new Set<number>();
        // Tells the scheduler about every request that has ended by `t`, as a driver waiting on its clock would.
        const reportFinishes = (t: number): void => {
          log.forEach((s, i) => {
            if (!reported.has(i) && s.finishMs <= t) {
              reported.add(i);
              scheduler.finish();
            }
          });
        };
        let now = 0;
        let pausedUntil = -Infinity;
        for (const step of steps) {
          const request = { key: `k${step.key}`, contractKey: `c${step.contract}`, weight: step.heavy ? 2 : 1 };
          if (step.pauseMs > 0) {
            pausedUntil = Math.max(pausedUntil, now + step.pauseMs);
            scheduler.pauseUntil(now + step.pauseMs);
          }
          let earliest = scheduler.earliestStart(request, now);
          while (earliest === Infinity) {
            // Only a finish can free a slot: move time to the next one.
            now = Math.min(...log.filter((_, i) => !reported.has(i)).map((s) => s.finishMs));
            reportFinishes(now);
            earliest = scheduler.earliestStart(request, now);
          }
          const at = earliest + step.delayMs;
          reportFinishes(at);
          const candidate = { atMs: at, key: request.key, contractKey: request.contractKey, weight: request.weight };

          expect(brokenRules(log, candidate, rules), `start at ${at}`).toEqual([]);
          if (earliest > now && earliest > pausedUntil && step.delayMs === 0 && rules.marginMs === 0) {
            const sooner = { ...candidate, atMs: earliest - 1 };
            expect(brokenRules(log, sooner, rules).length, `a start at ${earliest - 1} was refused`).toBeGreaterThan(0);
          }

          scheduler.start(request, at);
          log.push({ ...candidate, finishMs: at + step.durationMs });
          now = at;
        }
      }),
      { numRuns: 300 },
    );
  });
});
