/** Server version the fake speaks by default: the highest @stoqey/ib 1.6.10 supports, the last text protocol. */
export const DEFAULT_SERVER_VERSION = 193;

/** The version range a client announces after "API\0": `v100..193`, or `v100` for a single version. */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

/** Parses the handshake text; an optional connect-options suffix after a space is ignored. */
export function parseVersionRange(text: string): VersionRange | undefined {
  const match = /^v(\d+)(?:\.\.(\d+))?(?: .*)?$/.exec(text);
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return min <= max ? { min, max } : undefined;
}

/**
 * The version TWS picks: the lower of the client's maximum and its own. Undefined when the ranges do not meet
 * (TWS then closes the socket without a reply).
 */
export function negotiateVersion(range: VersionRange, serverVersion: number): number | undefined {
  const chosen = Math.min(range.max, serverVersion);
  return chosen >= range.min ? chosen : undefined;
}
