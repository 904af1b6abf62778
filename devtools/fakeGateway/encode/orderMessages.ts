import { GatewayMessage } from '../protocol/messageIds.js';
import type { Field } from '../protocol/fields.js';
import { UNSET_INTEGER } from '../protocol/fields.js';
import type { OrderRecord } from '../state/GatewayState.js';

/** ORDER_STATUS at sv >= 131 (no version field; mktCapPrice last). */
export function orderStatusMessage(order: OrderRecord): Field[] {
  return [
    GatewayMessage.ORDER_STATUS,
    order.orderId,
    order.status,
    order.filled,
    order.totalQuantity - order.filled,
    order.avgFillPrice,
    order.permId,
    order.parentId,
    order.lastFillPrice,
    order.clientId,
    '', // whyHeld
    0, // mktCapPrice
  ];
}

/** OPEN_ORDER_END. */
export function openOrderEndMessage(): Field[] {
  return [GatewayMessage.OPEN_ORDER_END, 1];
}

/**
 * OPEN_ORDER at sv 193 (no version field: the decoder uses version = sv). The field order follows IB's
 * EOrderDecoder / stoqey's decodeMsg_OPEN_ORDER call by call; each group is commented with the reader it feeds.
 * Values are those TWS sends for a plain stock order (no combo legs, algo, conditions or scale fields);
 * deltaNeutralOrderType is "None" as TWS writes it, which makes the decoder read the eight delta-neutral fields.
 */
export function openOrderMessage(order: OrderRecord): Field[] {
  const { contract } = order;
  return [
    GatewayMessage.OPEN_ORDER,
    order.orderId,
    // readContractFields
    contract.conId,
    contract.symbol,
    'STK',
    '',
    0,
    '',
    '',
    contract.exchange,
    contract.currency,
    contract.symbol,
    'NMS',
    // action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, openClose, origin, orderRef
    order.action,
    order.totalQuantity,
    order.orderType,
    order.lmtPrice ?? '',
    order.auxPrice ?? '',
    order.tif,
    '',
    order.account,
    '',
    0,
    order.orderRef,
    // clientId, permId, outsideRth, hidden, discretionaryAmt, goodAfterTime, sharesAllocation (skipped)
    order.clientId,
    order.permId,
    order.outsideRth,
    0,
    0,
    '',
    '',
    // readFAParams (faGroup, faMethod, faPercentage; no faProfile at sv >= 177), modelCode, goodTillDate, rule80A
    '',
    '',
    '',
    '',
    '',
    '',
    // percentOffset, settlingFirm, shortSaleSlot, designatedLocation, exemptCode, auctionStrategy
    '',
    '',
    0,
    '',
    -1,
    0,
    // startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper, displaySize
    '',
    '',
    '',
    '',
    '',
    '',
    // blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly, nbboPriceCap
    0,
    0,
    0,
    '',
    3,
    0,
    0,
    '',
    // parentId, triggerMethod
    order.parentId,
    0,
    // readVolOrderParams: volatility, volatilityType, deltaNeutralOrderType, deltaNeutralAuxPrice
    '',
    0,
    'None',
    '',
    //   deltaNeutral conId, settlingFirm, clearingAccount, clearingIntent, openClose, shortSale, shortSaleSlot, location
    0,
    '',
    '',
    '',
    '?',
    0,
    0,
    '',
    //   continuousUpdate, referencePriceType
    0,
    0,
    // readTrailParams (trailStopPrice, trailingPercent), readBasisPoints (basisPoints, basisPointsType)
    '',
    '',
    '',
    '',
    // readComboLegs: description, combo legs count, order combo legs count; smart combo routing params count
    '',
    0,
    0,
    0,
    // readScaleOrderParams: initLevelSize, subsLevelSize, priceIncrement (unset: no further scale fields)
    '',
    '',
    '',
    // hedgeType (empty: no hedgeParam), optOutSmartRouting, clearingAccount, clearingIntent, notHeld
    '',
    0,
    '',
    'IB',
    0,
    // readDeltaNeutral (no delta-neutral contract), algoStrategy (empty: no params), solicited
    0,
    '',
    0,
    // readWhatIfInfoAndCommission: whatIf, status, 6 margin "before/change" fields, 3 "after" fields,
    // commission, minCommission, maxCommission, commissionCurrency, warningText
    0,
    order.status,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    // randomizeSize, randomizePrice (no peg-to-benchmark fields for LMT/MKT/STP), conditions count
    0,
    0,
    0,
    // readAdjustedOrderParams: adjustedOrderType, triggerPrice, trailStopPrice, lmtPriceOffset,
    // adjustedStopPrice, adjustedStopLimitPrice, adjustedTrailingAmount, adjustableTrailingUnit
    'None',
    '',
    '',
    '',
    '',
    '',
    '',
    0,
    // softDollarTier name, value, displayName; cashQty; dontUseAutoPriceForHedge; isOmsContainer
    '',
    '',
    '',
    '',
    1,
    0,
    // discretionaryUpToLimitPrice, usePriceMgmtAlgo, duration, postToAts, autoCancelParent
    0,
    0,
    UNSET_INTEGER,
    UNSET_INTEGER,
    0,
    // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
    '',
    '',
    '',
    '',
    '',
    // customerAccount, professionalCustomer, bondAccruedInterest, includeOvernight, extOperator, manualOrderIndicator
    '',
    0,
    '',
    0,
    '',
    UNSET_INTEGER,
  ];
}
