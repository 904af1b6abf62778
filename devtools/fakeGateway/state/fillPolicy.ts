/**
 * How the fake treats an order after placeOrder. `rest` leaves it working; `fill` fills it at once; `partial`
 * fills the listed quantities one after the other (and rests with the remainder unless they add up to the order);
 * `reject` answers error 201 and Cancelled.
 */
export type FillPolicy =
  | ({ readonly kind: 'rest' } & FillOptions)
  | ({ readonly kind: 'fill'; readonly price?: number } & FillOptions)
  | ({ readonly kind: 'partial'; readonly quantities: readonly number[]; readonly price?: number } & FillOptions)
  | { readonly kind: 'reject'; readonly reason?: string };

/** Quirks of real TWS a test can switch on per order. */
export interface FillOptions {
  /** Send every orderStatus twice (TWS may repeat statuses). */
  readonly duplicateStatus?: boolean;
  /** Real milliseconds before each commission report (default 0: right after its execution). */
  readonly commissionDelayMs?: number;
  /** Real milliseconds between consecutive partial fills (default 0). */
  readonly stepDelayMs?: number;
  /** After the last fill, send a correction of it: same execId with the last part raised (`.01` to `.02`). */
  readonly correctLastFill?: { readonly price: number };
  /** Send execDetails without any orderStatus for the fill (TWS does not promise one for every change). */
  readonly noStatusOnFill?: boolean;
  /** Commission per share (default 0.005, at least 1.00 per execution, IBKR fixed pricing). */
  readonly commissionPerShare?: number;
}

/** The default: orders fill at once. */
export const DEFAULT_FILL_POLICY: FillPolicy = { kind: 'fill' };
