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

const matches = (specifier) => (name) => specifier === name || specifier.startsWith(`${name}/`);

function isForbiddenPackage(layer, specifier) {
  if (layer.allowedPackages && !layer.allowedPackages.some(matches(specifier))) return true;
  return layer.forbiddenPackages.some(matches(specifier));
}

export const layerImportsRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the layering of docs/architecture.md (tools/eslint/layers.js)',
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
