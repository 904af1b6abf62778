import type { FeatureEntry, FeaturesConfig } from '../../config/features.js';
import { FeatureConfigError, FeatureParamError, UnknownFeatureError } from './errors.js';
import type { FeatureInput, FeatureKind } from './FeatureKind.js';
import type { FeatureRegistry } from './registry.js';

/** One feature of a checked registry. */
export interface ResolvedFeature {
  readonly name: string;
  readonly entry: FeatureEntry;
  readonly kind: FeatureKind;
  /** Warm-up the function needs with its params and dependencies (bars, current bar included). */
  readonly warmup: number;
}

/** The checked registry narrowed to the requested features and their dependencies. */
export interface ResolvedFeatures {
  /** Output order: the features.yaml order of the resolved set. */
  readonly features: readonly ResolvedFeature[];
  /** Computation order: every feature after its dependencies. */
  readonly order: readonly string[];
}

const quote = (text: string): string => JSON.stringify(text);

/**
 * Checks the whole registry (functions and dependencies exist, no cycle, params valid, declared lookback at least
 * the computed warm-up) and throws one `FeatureConfigError` listing every problem; then selects `requested` (all
 * features when absent) plus everything they depend on.
 */
export function resolveFeatures(
  config: FeaturesConfig,
  registry: FeatureRegistry,
  requested?: readonly string[],
): ResolvedFeatures {
  const entries = config.features;
  const names = Object.keys(entries);
  const problems: string[] = [];

  for (const name of names) {
    const entry = entries[name]!;
    if (!registry.has(entry.function)) {
      problems.push(
        `feature ${quote(name)}: function ${quote(entry.function)} is not registered in core/features/registry.ts`,
      );
    }
    for (const dependency of entry.dependencies) {
      if (!Object.hasOwn(entries, dependency)) {
        problems.push(`feature ${quote(name)}: dependency ${quote(dependency)} is not defined in features.yaml`);
      }
    }
  }
  const order = sortByDependencies(config, problems);
  if (problems.length > 0) throw new FeatureConfigError(problems);

  const warmups = new Map<string, number>();
  for (const name of order) {
    const entry = entries[name]!;
    const kind = registry.get(entry.function)!;
    const inputs: FeatureInput[] = [];
    for (const dependency of entry.dependencies) {
      const warmup = warmups.get(dependency);
      if (warmup === undefined) break; // The dependency failed and has its own message.
      inputs.push({ slot: -1, warmup });
    }
    if (inputs.length < entry.dependencies.length) continue;
    let warmup: number;
    try {
      warmup = kind.compile(entry.params, inputs, -1).warmup;
    } catch (error) {
      if (!(error instanceof FeatureParamError)) throw error;
      problems.push(`feature ${quote(name)}: ${error.message}`);
      continue;
    }
    warmups.set(name, warmup);
    if (entry.lookback < warmup) {
      problems.push(
        `feature ${quote(name)}: lookback must be at least the ${warmup}-bar warm-up of ${entry.function} with its ` +
          `params and dependencies (declared ${entry.lookback}, required ${warmup})`,
      );
    }
  }
  if (problems.length > 0) throw new FeatureConfigError(problems);

  const selected = selectWithDependencies(config, requested ?? names);
  return {
    features: names
      .filter((name) => selected.has(name))
      .map((name) => ({
        name,
        entry: entries[name]!,
        kind: registry.get(entries[name]!.function)!,
        warmup: warmups.get(name)!,
      })),
    order: order.filter((name) => selected.has(name)),
  };
}

/** Depth-first topological sort in file order; each cycle found is reported once, as a -> b -> a. */
function sortByDependencies(config: FeaturesConfig, problems: string[]): string[] {
  const entries = config.features;
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const order: string[] = [];
  const reported = new Set<string>();

  const visit = (name: string): void => {
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = stack.slice(stack.indexOf(name));
      const key = [...cycle].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        problems.push(`dependency cycle: ${[...cycle, name].join(' -> ')}`);
      }
      return;
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of entries[name]!.dependencies) {
      if (Object.hasOwn(entries, dependency)) visit(dependency);
    }
    stack.pop();
    state.set(name, 'done');
    order.push(name);
  };

  for (const name of Object.keys(entries)) visit(name);
  return order;
}

function selectWithDependencies(config: FeaturesConfig, requested: readonly string[]): Set<string> {
  const unknown = requested.filter((name) => !Object.hasOwn(config.features, name));
  if (unknown.length > 0) throw new UnknownFeatureError(unknown);
  const selected = new Set<string>();
  const add = (name: string): void => {
    if (selected.has(name)) return;
    selected.add(name);
    for (const dependency of config.features[name]!.dependencies) add(dependency);
  };
  requested.forEach(add);
  return selected;
}
