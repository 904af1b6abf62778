import type { BlobStore } from '../../core/storage/blobStore.js';
import { BlobExistsError, BlobNotFoundError } from '../../core/storage/blobStore.js';
import { ModelNameInvalidError, ModelNotFoundError, RegistryConflictError } from './errors.js';
import { parseModelCard, type ModelCard } from './modelCard.js';
import { MODEL_FILES, sha256, type ModelArtifacts } from './modelFiles.js';
import { OnnxSignalModel, type OnnxModelOptions } from './OnnxSignalModel.js';

/** One registered model version. */
export interface RegisteredModel {
  readonly name: string;
  /** `v1`, `v2`, ...: assigned in registration order per name. */
  readonly version: string;
  readonly number: number;
  /** When it was registered, ISO 8601 UTC. */
  readonly registered: string;
  /** Blob keys of the three files. */
  readonly keys: { readonly onnx: string; readonly card: string; readonly native: string };
  /** SHA-256 of each file, by file name. */
  readonly sha256: Readonly<Record<string, string>>;
  readonly card: ModelCard;
}

/** The registration record, `models/{name}/{version}/registration.json`: claims the version slot. */
interface Registration {
  readonly name: string;
  readonly version: string;
  readonly registered: string;
  readonly files: Readonly<Record<string, string>>;
}

const ROOT = 'models';
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.+=-]*$/;
const VERSION = /^v([1-9][0-9]*)$/;
const REGISTRATION = 'registration.json';
const PRODUCTION = 'production.json';
/** Version slots tried before giving up: each failure means another registration took that slot. */
const MAX_ATTEMPTS = 50;

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function checkName(name: string): string {
  if (!NAME.test(name)) {
    throw new ModelNameInvalidError('a model name', name, 'letters, digits and _.+=- (e.g. lgbm_direction)');
  }
  return name;
}

function versionNumber(version: string): number {
  const match = VERSION.exec(version);
  if (!match) throw new ModelNameInvalidError('a version', version, '"v" and a positive number (v1, v2, ...)');
  return Number(match[1]);
}

/**
 * The model registry: every version under `models/{name}/{version}/` of a BlobStore (model.onnx, the native model,
 * card.json, registration.json), and `models/{name}/production.json` pointing at the version in production. No
 * server and no mutable index: the listing of `models/` is the index. A version is claimed by writing its
 * registration record with `ifAbsent`, so two registrations at once get different versions; card.json is written
 * last and marks the version complete (a crash leaves an incomplete version that readers skip). See README.md.
 */
export class ModelRegistry {
  readonly store: BlobStore;
  readonly #now: () => Date;

  constructor(store: BlobStore, now: () => Date = () => new Date()) {
    this.store = store;
    this.#now = now;
  }

  /** Stores a trained model as the next version of `name` (default: the card's name) and returns it. */
  async register(artifacts: ModelArtifacts, name: string = artifacts.card.name): Promise<RegisteredModel> {
    checkName(name);
    const files: Record<string, string> = {
      [MODEL_FILES.onnx]: sha256(artifacts.onnx),
      [artifacts.native.file]: sha256(artifacts.native.bytes),
      [MODEL_FILES.card]: sha256(artifacts.cardText),
    };
    let number = (await this.#versionNumbers(name, false)).reduce((a, b) => Math.max(a, b), 0) + 1;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, number++) {
      const version = `v${number}`;
      const prefix = `${ROOT}/${name}/${version}`;
      const registration: Registration = { name, version, registered: this.#now().toISOString(), files };
      try {
        await this.store.put(`${prefix}/${REGISTRATION}`, JSON.stringify(registration, null, 2), {
          ifAbsent: true,
          contentType: 'application/json',
        });
      } catch (error) {
        if (error instanceof BlobExistsError) continue;
        throw error;
      }
      await this.store.put(`${prefix}/${MODEL_FILES.onnx}`, artifacts.onnx);
      await this.store.put(`${prefix}/${artifacts.native.file}`, artifacts.native.bytes);
      await this.store.put(`${prefix}/${MODEL_FILES.card}`, artifacts.cardText, { contentType: 'application/json' });
      return this.#toModel(registration, artifacts.card, artifacts.native.file);
    }
    throw new RegistryConflictError(name, MAX_ATTEMPTS);
  }

  /** Every complete version, of one name or of all, sorted by name then version number. */
  async list(name?: string): Promise<RegisteredModel[]> {
    const names = name === undefined ? await this.names() : [checkName(name)];
    const models: RegisteredModel[] = [];
    for (const each of names) {
      for (const number of await this.#versionNumbers(each, true)) models.push(await this.get(each, `v${number}`));
    }
    return models;
  }

  /** Names that have at least one key in the registry, sorted. */
  async names(): Promise<string[]> {
    const names = new Set((await this.store.list(`${ROOT}/`)).map((info) => info.key.split('/')[1]!));
    return [...names].sort();
  }

  /** One version; MODEL_NOT_FOUND naming the versions there are when absent or incomplete. */
  async get(name: string, version: string): Promise<RegisteredModel> {
    checkName(name);
    versionNumber(version);
    const prefix = `${ROOT}/${name}/${version}`;
    let registration: Registration;
    let cardText: string;
    try {
      registration = JSON.parse(decode(await this.store.get(`${prefix}/${REGISTRATION}`))) as Registration;
      cardText = decode(await this.store.get(`${prefix}/${MODEL_FILES.card}`));
    } catch (error) {
      if (!(error instanceof BlobNotFoundError)) throw error;
      const known = (await this.#versionNumbers(name, true)).map((n) => `v${n}`);
      if (known.length === 0) throw new ModelNotFoundError(name, null, await this.names());
      throw new ModelNotFoundError(name, version, known);
    }
    const card = parseModelCard(`${prefix}/${MODEL_FILES.card}`, cardText);
    const native = Object.keys(registration.files).find(
      (file) => file !== MODEL_FILES.onnx && file !== MODEL_FILES.card,
    );
    return this.#toModel(registration, card, native ?? 'model.txt');
  }

  /** The highest complete version, or null when the name has none. */
  async latest(name: string): Promise<RegisteredModel | null> {
    const numbers = await this.#versionNumbers(checkName(name), true);
    return numbers.length === 0 ? null : this.get(name, `v${numbers[numbers.length - 1]!}`);
  }

  /** Points production at a version (which must exist); the last writer wins. */
  async setProduction(name: string, version: string): Promise<RegisteredModel> {
    const model = await this.get(name, version);
    const pointer = { name, version, set: this.#now().toISOString() };
    await this.store.put(`${ROOT}/${name}/${PRODUCTION}`, JSON.stringify(pointer, null, 2), {
      contentType: 'application/json',
    });
    return model;
  }

  /** The version in production, or null when none was set. */
  async production(name: string): Promise<RegisteredModel | null> {
    checkName(name);
    try {
      const pointer = JSON.parse(decode(await this.store.get(`${ROOT}/${name}/${PRODUCTION}`))) as { version: string };
      return await this.get(name, pointer.version);
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  }

  /** A version by `v<n>`, `latest` or `production`; MODEL_NOT_FOUND when there is none. */
  async resolve(name: string, which: string): Promise<RegisteredModel> {
    const found =
      which === 'latest'
        ? await this.latest(name)
        : which === 'production'
          ? await this.production(name)
          : await this.get(name, which);
    if (found === null) {
      throw new ModelNotFoundError(
        name,
        which,
        (await this.#versionNumbers(name, true)).map((n) => `v${n}`),
      );
    }
    return found;
  }

  /** Loads a registered version as a SignalModel. */
  async load(model: RegisteredModel, options: OnnxModelOptions = {}): Promise<OnnxSignalModel> {
    const onnx = await this.store.get(model.keys.onnx);
    const cardText = decode(await this.store.get(model.keys.card));
    return OnnxSignalModel.fromBytes(onnx, cardText, `${ROOT}/${model.name}/${model.version}`, {
      ...options,
      version: model.version,
    });
  }

  /** Version numbers of a name, ascending: claimed ones, or only complete ones (card.json written). */
  async #versionNumbers(name: string, completeOnly: boolean): Promise<number[]> {
    const marker = completeOnly ? MODEL_FILES.card : REGISTRATION;
    const numbers = new Set<number>();
    for (const { key } of await this.store.list(`${ROOT}/${name}/`)) {
      const [, , version, file] = key.split('/');
      const match = VERSION.exec(version ?? '');
      if (match && file === marker) numbers.add(Number(match[1]));
    }
    return [...numbers].sort((a, b) => a - b);
  }

  #toModel(registration: Registration, card: ModelCard, nativeFile: string): RegisteredModel {
    const prefix = `${ROOT}/${registration.name}/${registration.version}`;
    return {
      name: registration.name,
      version: registration.version,
      number: versionNumber(registration.version),
      registered: registration.registered,
      keys: {
        onnx: `${prefix}/${MODEL_FILES.onnx}`,
        card: `${prefix}/${MODEL_FILES.card}`,
        native: `${prefix}/${nativeFile}`,
      },
      sha256: registration.files,
      card,
    };
  }
}
