// Node module hooks that run TypeScript sources directly (type-stripping with the project's own `typescript`), so
// a test can start a child process on the current sources without a build. Registered by registerTs.js:
//   node --import ./tests/support/registerTs.js some/file.ts
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

/** Relative `./x.js` imports of a .ts file resolve to `./x.ts` when only that exists (NodeNext style imports). */
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (
    parent !== undefined &&
    parent.endsWith('.ts') &&
    (specifier.startsWith('.') || specifier.startsWith('/')) &&
    specifier.endsWith('.js')
  ) {
    const asJs = new URL(specifier, parent);
    const asTs = new URL(asJs.href.replace(/\.js$/, '.ts'));
    if (!existsSync(fileURLToPath(asJs)) && existsSync(fileURLToPath(asTs))) {
      return { url: asTs.href, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const output = ts.transpileModule(await readFile(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2023,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
