/**
 * Request ids (historical data, real-time bars, account summaries...) live in [1e9, 2^31 - 1), far above any order
 * id a gateway hands out from nextValidId, because TWS reports errors for both in the same id field: with
 * disjoint ranges an error can always be routed to the order or to the request it belongs to (the IBApiNext
 * hazard H1 in the reference).
 */
export const FIRST_REQUEST_ID = 1_000_000_000;
const LAST_REQUEST_ID = 2_147_483_646;

/** True when `id` comes from the request-id range, not from the order-id sequence. */
export function isRequestId(id: number): boolean {
  return Number.isInteger(id) && id >= FIRST_REQUEST_ID && id <= LAST_REQUEST_ID;
}

/** Hands out request ids in order, wrapping to the start of the range after ~1.1 billion ids. */
export class RequestIds {
  private nextId: number;

  constructor(first: number = FIRST_REQUEST_ID) {
    if (!isRequestId(first)) {
      throw new RangeError(`first request id must be in [${FIRST_REQUEST_ID}, ${LAST_REQUEST_ID}], was ${first}`);
    }
    this.nextId = first;
  }

  next(): number {
    const id = this.nextId;
    this.nextId = id >= LAST_REQUEST_ID ? FIRST_REQUEST_ID : id + 1;
    return id;
  }
}
