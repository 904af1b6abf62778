/** The keys of one stream and one consumer group, under the configured prefix. */
export interface StreamKeys {
  /** The stream itself. */
  readonly stream: string;
  /** Sorted set of the entry ids this group has settled (processed or dead-lettered), scored by entry time. */
  readonly settled: string;
  /** Hash: entry id -> the last error its handler threw (cleared when the entry settles). */
  readonly errors: string;
  /** The group's dead-letter stream: entries that failed too often, with the reason. */
  readonly deadLetter: string;
}

/** The key of a stream: its name in braces (a Redis Cluster hash tag) after the prefix. */
export function streamKey(prefix: string, stream: string): string {
  return `${prefix}stream:{${stream}}`;
}

/**
 * The stream name sits in braces (a Redis Cluster hash tag), so the stream and its group's bookkeeping land in one
 * slot and the scripts that touch them together also work on a clustered server.
 */
export function streamKeys(prefix: string, stream: string, group: string): StreamKeys {
  const base = streamKey(prefix, stream);
  return {
    stream: base,
    settled: `${base}:settled:${group}`,
    errors: `${base}:errors:${group}`,
    deadLetter: `${base}:dead:${group}`,
  };
}
