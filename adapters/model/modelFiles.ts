import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelFileMissingError } from './errors.js';
import { parseModelCard, type ModelCard } from './modelCard.js';

/** The ONNX export, the card and the native model file (model.txt for LightGBM, model.json for XGBoost). */
export const MODEL_FILES = { onnx: 'model.onnx', card: 'card.json' } as const;

/** The native model's file name for a framework. */
export function nativeFileOf(framework: ModelCard['framework']): string {
  return framework === 'lightgbm' ? 'model.txt' : 'model.json';
}

/** A trained model's files in memory: what the registry stores. */
export interface ModelArtifacts {
  readonly card: ModelCard;
  /** card.json exactly as written by the trainer (fields this side does not know are kept). */
  readonly cardText: string;
  readonly onnx: Uint8Array;
  readonly native: { readonly file: string; readonly bytes: Uint8Array };
}

/** Reads and validates a model folder written by `intraday model train`. */
export async function readModelDirectory(dir: string): Promise<ModelArtifacts> {
  const read = async (file: string, expected: string): Promise<Buffer> => {
    try {
      return await readFile(join(dir, file));
    } catch {
      throw new ModelFileMissingError(join(dir, file), expected);
    }
  };
  const cardText = (await read(MODEL_FILES.card, 'the model card written by `intraday model train`')).toString('utf8');
  const card = parseModelCard(join(dir, MODEL_FILES.card), cardText);
  const onnx = await read(MODEL_FILES.onnx, 'the ONNX export written by `intraday model train`');
  const nativeFile = nativeFileOf(card.framework);
  const native = await read(nativeFile, `the native ${card.framework} model written by \`intraday model train\``);
  return { card, cardText, onnx, native: { file: nativeFile, bytes: native } };
}

/** SHA-256 of bytes, lower-case hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
