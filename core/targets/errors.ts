/** A requested target name is not in config/targets.yaml. */
export class UnknownTargetError extends Error {
  readonly code = 'UNKNOWN_TARGET';
  readonly target: string;
  readonly known: readonly string[];

  constructor(target: string, known: readonly string[]) {
    super(
      `unknown target "${target}" (known targets: ${known.length > 0 ? known.join(', ') : 'none, config/targets.yaml lists no targets'})`,
    );
    this.name = 'UnknownTargetError';
    this.target = target;
    this.known = known;
  }
}

/** A bar batch cannot be labelled: columns of different lengths or timestamps not strictly increasing. */
export class InvalidTargetInputError extends Error {
  readonly code = 'INVALID_TARGET_INPUT';

  constructor(ticker: string, detail: string) {
    super(`cannot compute targets for ${ticker}: ${detail}`);
    this.name = 'InvalidTargetInputError';
  }
}
