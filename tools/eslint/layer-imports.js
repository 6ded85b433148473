// ESLint rule: a file may import only from the layers its own layer allows (see layers.js), in the spirit of
// VS Code's code-layering rule. Relative imports are resolved to the folder they land in; bare imports are
// checked against the layer's forbidden packages.
import path from 'node:path';
import { layers } from './layers.js';

const rootDir = path.resolve(import.meta.dirname, '../..');

function layerOf(absoluteFile) {
  const relative = path.relative(rootDir, absoluteFile).split(path.sep).join('/');
  return layers.find((layer) => relative.startsWith(layer.folder));
}

function isForbiddenPackage(layer, specifier) {
  return layer.forbiddenPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

export const layerImportsRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the app/ ← main/ ← main/electron/ and app/ ← renderer/ layering of design.md',
    },
    schema: [],
    messages: {
      layer: "'{{specifier}}' is in layer {{target}}, which {{source}} may not import ({{why}}).",
      package: "'{{specifier}}' may not be imported in {{source}} ({{why}}).",
    },
  },
  create(context) {
    const source = layerOf(context.filename);
    if (!source) return {};
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(context.filename), specifier));
        if (target && !source.imports.includes(target.name)) {
          context.report({
            node,
            messageId: 'layer',
            data: { specifier, target: target.name, source: source.name, why: source.why },
          });
        }
      } else if (isForbiddenPackage(source, specifier)) {
        context.report({
          node,
          messageId: 'package',
          data: { specifier, source: source.name, why: source.why },
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
