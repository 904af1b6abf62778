import { intField, numberField } from './fields.js';

/** The contract fields a request carries, as the fake reads them. */
export interface RequestContract {
  readonly conId: number | undefined;
  readonly symbol: string;
  readonly secType: string;
  readonly lastTradeDateOrContractMonth: string;
  readonly strike: number | undefined;
  readonly right: string;
  readonly multiplier: string;
  readonly exchange: string;
  readonly primaryExchange: string;
  readonly currency: string;
  readonly localSymbol: string;
  readonly tradingClass: string;
}

/** Reads the 12 standard contract fields (conId ... tradingClass) starting at `offset`. */
export function parseContract(fields: readonly string[], offset: number): RequestContract {
  const at = (index: number): string => fields[offset + index] ?? '';
  return {
    conId: intField(at(0)),
    symbol: at(1),
    secType: at(2),
    lastTradeDateOrContractMonth: at(3),
    strike: numberField(at(4)),
    right: at(5),
    multiplier: at(6),
    exchange: at(7),
    primaryExchange: at(8),
    currency: at(9),
    localSymbol: at(10),
    tradingClass: at(11),
  };
}

/** Number of fields `parseContract` reads. */
export const CONTRACT_FIELD_COUNT = 12;
