# Shared helpers for scripts/*: sourced, not run.

# Runs the calling script in its own process group and, whatever way it exits, stops every process it
# started (test hosts, node, devnet nodes) so nothing outlives it.
own_process_group() {
  if [ -z "${P2P_PROCESS_GROUP:-}" ]; then
    export P2P_PROCESS_GROUP=1
    exec setsid --wait "$0" "$@"
  fi
  trap 'status=$?; trap "" TERM; kill -TERM -- -$$ 2>/dev/null || true; exit $status' EXIT
}

# npm ci of a folder's committed lock file, only when the lock file changed since the last install.
install_npm_dir() {
  local dir="$1"
  local stamp="$dir/node_modules/.p2p-lock-sha"
  local sha
  sha=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sha" ]; then
    echo "==> npm ci ($dir)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    echo "$sha" > "$stamp"
  fi
}

# Debian packages the tests need (Chromium for the browser test, docker-compose to check the compose file),
# installed only when missing; waits for another apt run instead of failing on its lock.
install_debian_packages() {
  local missing=()
  for pair in "$@"; do
    local command="${pair%%:*}" package="${pair##*:}"
    command -v "$command" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
  fi
}
