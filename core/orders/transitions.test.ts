import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderStatus } from '../trading/types.js';
import { OrderEvent } from './OrderEvent.js';
import { isWorking, lookupTransition, nextStatus } from './transitions.js';

// The legal rows, written out independently of the table so that any change to it fails here.
const LEGAL: Readonly<Record<string, OrderStatus>> = {
  'NEW + SUBMIT': 'PENDING_SUBMIT',
  'PENDING_SUBMIT + ACKNOWLEDGE': 'SUBMITTED',
  'PENDING_SUBMIT + PARTIAL_FILL': 'PARTIALLY_FILLED',
  'PENDING_SUBMIT + FILL': 'FILLED',
  'PENDING_SUBMIT + REQUEST_CANCEL': 'PENDING_CANCEL',
  'PENDING_SUBMIT + CANCELLED': 'CANCELLED',
  'PENDING_SUBMIT + REJECTED': 'REJECTED',
  'PENDING_SUBMIT + INACTIVE': 'INACTIVE',
  'SUBMITTED + PARTIAL_FILL': 'PARTIALLY_FILLED',
  'SUBMITTED + FILL': 'FILLED',
  'SUBMITTED + REQUEST_CANCEL': 'PENDING_CANCEL',
  'SUBMITTED + CANCELLED': 'CANCELLED',
  'SUBMITTED + REJECTED': 'REJECTED',
  'SUBMITTED + INACTIVE': 'INACTIVE',
  'SUBMITTED + REPLACE': 'SUBMITTED',
  'PARTIALLY_FILLED + PARTIAL_FILL': 'PARTIALLY_FILLED',
  'PARTIALLY_FILLED + FILL': 'FILLED',
  'PARTIALLY_FILLED + REQUEST_CANCEL': 'PENDING_CANCEL',
  'PARTIALLY_FILLED + CANCELLED': 'CANCELLED',
  'PARTIALLY_FILLED + INACTIVE': 'INACTIVE',
  'PARTIALLY_FILLED + REPLACE': 'PARTIALLY_FILLED',
  'PENDING_CANCEL + PARTIAL_FILL': 'PENDING_CANCEL',
  'PENDING_CANCEL + FILL': 'FILLED',
  'PENDING_CANCEL + REQUEST_CANCEL': 'PENDING_CANCEL',
  'PENDING_CANCEL + CANCELLED': 'CANCELLED',
  'PENDING_CANCEL + REJECTED': 'REJECTED',
  'PENDING_CANCEL + INACTIVE': 'INACTIVE',
  'FILLED + PARTIAL_FILL': 'FILLED',
  'FILLED + FILL': 'FILLED',
  'CANCELLED + PARTIAL_FILL': 'CANCELLED',
  'CANCELLED + FILL': 'FILLED',
  'INACTIVE + PARTIAL_FILL': 'INACTIVE',
  'INACTIVE + FILL': 'FILLED',
};

const STATUSES = Object.values(OrderStatus);
const EVENTS = Object.values(OrderEvent);
const GRID = STATUSES.flatMap((status) => EVENTS.map((event) => ({ status, event, key: `${status} + ${event}` })));

describe('the order transition table', () => {
  it('covers a grid of 9 statuses by 9 events, 33 of them legal', () => {
    expect(GRID).toHaveLength(9 * 9);

    const legal = GRID.filter(({ status, event }) => lookupTransition(status, event) !== null);

    expect(legal.map(({ key }) => key).sort()).toEqual(Object.keys(LEGAL).sort());
  });

  it.each(GRID.filter(({ key }) => LEGAL[key] !== undefined))(
    'moves $key to the listed status',
    ({ status, event, key }) => {
      const next = nextStatus(status, event);

      expect(next).toBe(LEGAL[key]);
    },
  );

  it.each(GRID.filter(({ key }) => LEGAL[key] === undefined))('throws for $key, naming both', ({ status, event }) => {
    const act = (): OrderStatus => nextStatus(status, event);

    expect(act).toThrow(
      expect.objectContaining({
        name: 'InvalidTransitionError',
        code: 'ORDER_ILLEGAL_TRANSITION',
        message: `illegal order transition: event ${event} in status ${status}`,
        status,
        event,
      }),
    );
    expect(lookupTransition(status, event), 'the non-throwing lookup answers null').toBeNull();
  });

  it('throws for every random pair outside the table and never for a pair inside it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...EVENTS), (status, event) => {
        const legal = LEGAL[`${status} + ${event}`];
        if (legal === undefined) {
          expect(() => nextStatus(status, event)).toThrow(/illegal order transition/);
        } else {
          expect(nextStatus(status, event)).toBe(legal);
        }
      }),
    );
  });

  it('keeps no transition out of REJECTED and none back to NEW', () => {
    const fromRejected = EVENTS.filter((event) => lookupTransition('REJECTED', event) !== null);
    const toNew = GRID.filter(({ status, event }) => lookupTransition(status, event) === 'NEW');

    expect(fromRejected).toEqual([]);
    expect(toNew).toEqual([]);
  });

  it('counts as working exactly the statuses in which an order may still fill', () => {
    const working = STATUSES.filter(isWorking);

    expect(working).toEqual(['PENDING_SUBMIT', 'SUBMITTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL']);
  });
});
