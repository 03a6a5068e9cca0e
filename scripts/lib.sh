# Shared helpers for scripts/*: sourced, not run.

# Runs the calling script in its own process group and, whatever way it exits, stops every process it
# started (test hosts, node, devnet nodes) so nothing outlives it.
own_process_group() {
  if [ -z "${P2P_PROCESS_GROUP:-}" ]; then
    export P2P_PROCESS_GROUP=1
    exec setsid --wait "$0" "$@"
  fi
  trap 'status=$?; trap "" TERM; kill -TERM -- -$$ 2>/dev/null; exit $status' EXIT
}

# Installs the Sia oracle (npm @siafoundation/sdk, pinned by package-lock.json) only when the lock file changed.
install_oracle() {
  local dir="$1/Peer2Peer.Sidecar.Tests/Oracle"
  local stamp="$dir/node_modules/.p2p-lock-sha"
  local sha
  sha=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sha" ]; then
    echo "==> npm ci (Sia oracle)"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    echo "$sha" > "$stamp"
  fi
}
