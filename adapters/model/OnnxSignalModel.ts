import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { FeatureFrame } from '../../core/models/FeatureFrame.js';
import type { TreeEnsemble } from '../../core/models/TreeEnsemble.js';
import {
  classConfidence,
  classSignal,
  mapClassRows,
  mapRegressionRows,
  regressionSignal,
  type ClassLayout,
} from '../../core/models/mapSignals.js';
import type { SignalBatch, SignalModel } from '../../core/models/SignalModel.js';
import type { SignalOutput } from '../../core/signals/SignalOutput.js';
import { FeatureColumnMissingError, ModelFileMissingError, ModelRowWidthError } from './errors.js';
import { parseModelCard, type ModelCard } from './modelCard.js';
import { checkSessionAgainstCard, classLayoutOf } from './checkSession.js';
import {
  chooseSingleRowRuntime,
  type SingleRowChoice,
  type SingleRowOptions,
  type SingleRowRuntime,
} from './singleRowRuntime.js';

/** How a model is loaded. */
export interface OnnxModelOptions {
  /** Registry version, when the model came from the registry. */
  readonly version?: string | null;
  /** Threads inside one ONNX run (default 1: single rows gain nothing from more, and the hot path owns a core). */
  readonly threads?: number;
  /** Rows per ONNX run in `predictBatch` (default 65,536: bounds the float32 input copy to a few MB per feature). */
  readonly batchRows?: number;
  /**
   * Who answers `predictOne` (this folder's README.md, "Single rows: two runtimes"): by default the TypeScript
   * tree evaluator when the graph is a tree ensemble it reads and it agrees with onnxruntime on the load-time probe
   * rows; `{ runtime: 'onnxruntime' }` forces onnxruntime. Batches always run on onnxruntime.
   */
  readonly singleRow?: SingleRowOptions;
}

/** What `predictRaw` returns: the ONNX output, row-major, `width` values per row (k probabilities or 1 value). */
export interface RawPrediction {
  readonly values: Float32Array;
  readonly width: number;
}

/**
 * A SignalModel that runs an ONNX export with onnxruntime-node: one session per model, float32 input `[N, F]`
 * with NaN as missing. Loading checks the card against the graph (input name and width, output names and widths)
 * and runs one all-missing row, so a bad pair fails at load and the first real prediction is warm.
 */
export class OnnxSignalModel implements SignalModel {
  readonly name: string;
  readonly version: string | null;
  readonly features: readonly string[];
  readonly card: ModelCard;
  /** The runtime `predictOne` uses and why it was chosen at load. */
  readonly singleRowRuntime: SingleRowRuntime;
  readonly #session: ort.InferenceSession;
  readonly #source: string;
  readonly #output: string;
  readonly #fetches: readonly string[];
  readonly #width: number;
  readonly #layout: ClassLayout | null;
  readonly #scale: number;
  readonly #batchRows: number;
  // The hot path reuses one input buffer and one tensor over it; #busy guards against an overlapping call, since
  // onnxruntime-node reads the buffer one event-loop turn after `run` is called.
  readonly #row: Float32Array;
  readonly #rowFeeds: Record<string, ort.Tensor>;
  readonly #metadata: SignalOutput['metadata'];
  #busy = false;
  // The TypeScript path: a synchronous evaluator over its own float32 row and output buffers.
  readonly #ensemble: TreeEnsemble | null;
  readonly #ensembleRow: Float32Array;
  readonly #ensembleOut: Float64Array;

  private constructor(
    session: ort.InferenceSession,
    card: ModelCard,
    source: string,
    options: OnnxModelOptions,
    singleRow: SingleRowChoice,
  ) {
    this.#session = session;
    this.singleRowRuntime = singleRow.runtime;
    this.#ensemble = singleRow.ensemble;
    this.card = card;
    this.#source = source;
    this.name = card.name;
    this.version = options.version ?? null;
    this.features = card.features;
    this.#output = (card.task === 'classification' ? card.onnx.probabilities : card.onnx.value)!;
    this.#fetches = [this.#output];
    this.#layout = card.task === 'classification' ? classLayoutOf(source, card) : null;
    this.#width = this.#layout?.k ?? 1;
    this.#scale = card.signal.kind === 'regression_scale' ? card.signal.scale : 1;
    this.#batchRows = options.batchRows ?? 65_536;
    this.#row = new Float32Array(card.features.length);
    this.#rowFeeds = { [card.onnx.input]: new ort.Tensor('float32', this.#row, [1, this.#row.length]) };
    this.#ensembleRow = new Float32Array(card.features.length);
    this.#ensembleOut = new Float64Array(this.#width);
    this.#metadata = Object.freeze({ model: this.name, ...(this.version === null ? {} : { version: this.version }) });
  }

  /** Loads `model.onnx` and `card.json` from a folder (what `intraday model train` writes). */
  static async fromDirectory(dir: string, options: OnnxModelOptions = {}): Promise<OnnxSignalModel> {
    const read = async (file: string, expected: string): Promise<Buffer> => {
      try {
        return await readFile(join(dir, file));
      } catch {
        throw new ModelFileMissingError(join(dir, file), expected);
      }
    };
    const cardBytes = await read('card.json', 'the model card written by `intraday model train`');
    const onnx = await read('model.onnx', 'the ONNX export written by `intraday model train`');
    return OnnxSignalModel.fromBytes(onnx, cardBytes.toString('utf8'), dir, options);
  }

  /** Loads from bytes (a registry blob); `source` names the origin in error messages. */
  static async fromBytes(
    onnx: Uint8Array,
    card: string | unknown,
    source: string,
    options: OnnxModelOptions = {},
  ): Promise<OnnxSignalModel> {
    const parsed = parseModelCard(`${source}/card.json`, card);
    // Checked before the session exists so a card with no direction fails even when the graph is fine.
    if (parsed.task === 'classification') classLayoutOf(source, parsed);
    const threads = options.threads ?? 1;
    const session = await ort.InferenceSession.create(onnx, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    let singleRow: SingleRowChoice;
    try {
      await checkSessionAgainstCard(session, parsed, source);
      const output = (parsed.task === 'classification' ? parsed.onnx.probabilities : parsed.onnx.value)!;
      const names = { input: parsed.onnx.input, output, features: parsed.features.length };
      singleRow = await chooseSingleRowRuntime(session, onnx, names, options.singleRow);
    } catch (error) {
      await session.release();
      throw error;
    }
    return new OnnxSignalModel(session, parsed, source, options, singleRow);
  }

  /** The raw ONNX output for every row of the frame: class probabilities in card order, or the predicted value. */
  async predictRaw(frame: FeatureFrame): Promise<RawPrediction> {
    const columns = this.#columnsOf(frame);
    const width = this.features.length;
    const values = new Float32Array(frame.length * this.#width);
    const chunk = Math.max(1, Math.min(this.#batchRows, frame.length));
    const input = new Float32Array(chunk * width);
    for (let start = 0; start < frame.length; start += chunk) {
      const rows = Math.min(chunk, frame.length - start);
      // Column by column with a stride: each source column is read sequentially once.
      columns.forEach((column, f) => {
        for (let r = 0, at = f; r < rows; r++, at += width) input[at] = column[start + r]!;
      });
      const tensor = new ort.Tensor('float32', input.subarray(0, rows * width), [rows, width]);
      const result = await this.#session.run({ [this.card.onnx.input]: tensor }, this.#fetches);
      values.set(result[this.#output]!.data as Float32Array, start * this.#width);
    }
    return { values, width: this.#width };
  }

  /** Signal and confidence for every row of the frame (README.md: how outputs map to signals). */
  async predictBatch(frame: FeatureFrame): Promise<SignalBatch> {
    const { values } = await this.predictRaw(frame);
    const signal = new Float64Array(frame.length);
    const confidence = new Float64Array(frame.length);
    if (this.#layout) mapClassRows(values, frame.length, this.#layout, signal, confidence);
    else mapRegressionRows(values, frame.length, this.#scale, signal, confidence);
    return { signal, confidence };
  }

  /**
   * One row in `features` order. On the TypeScript runtime a call is one synchronous walk of the trees and one
   * small result object; on onnxruntime it reuses one input tensor and costs one ONNX run.
   */
  async predictOne(row: ArrayLike<number>): Promise<SignalOutput> {
    if (row.length !== this.#row.length) throw new ModelRowWidthError(this.name, this.#row.length, row.length);
    const ensemble = this.#ensemble;
    if (ensemble) {
      // Float32Array.set rounds each value to float32, exactly as the ONNX input tensor does.
      this.#ensembleRow.set(row);
      ensemble.predictRow(this.#ensembleRow, this.#ensembleOut);
      return this.#outputOf(this.#ensembleOut);
    }
    let feeds = this.#rowFeeds;
    const shared = !this.#busy;
    if (shared) {
      this.#busy = true;
      this.#row.set(row);
    } else {
      feeds = { [this.card.onnx.input]: new ort.Tensor('float32', Float32Array.from(row), [1, row.length]) };
    }
    try {
      const result = await this.#session.run(feeds, this.#fetches);
      return this.#outputOf(result[this.#output]!.data as Float32Array);
    } finally {
      if (shared) this.#busy = false;
    }
  }

  /** The SignalOutput of one row of raw model output (k probabilities or one value). */
  #outputOf(out: ArrayLike<number>): SignalOutput {
    const layout = this.#layout;
    const signal = layout ? classSignal(out, 0, layout) : regressionSignal(out[0]!, this.#scale);
    const confidence = layout ? classConfidence(out, 0, layout.k) : Math.abs(signal);
    return { signal, confidence, metadata: this.#metadata };
  }

  async close(): Promise<void> {
    await this.#session.release();
  }

  #columnsOf(frame: FeatureFrame): ArrayLike<number>[] {
    const missing = this.features.filter((name) => !frame.columns.has(name));
    if (missing.length > 0) {
      throw new FeatureColumnMissingError(`model ${this.name} (${this.#source})`, missing, [...frame.columns.keys()]);
    }
    return this.features.map((name) => {
      const column = frame.columns.get(name)!;
      if (column.length !== frame.length) {
        throw new RangeError(`feature frame: column "${name}" has ${column.length} rows, the frame ${frame.length}`);
      }
      return column;
    });
  }
}
