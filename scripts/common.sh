# Shared by scripts/run and scripts/test: find Python 3.12+, make .venv, install pinned requirements.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidates=(python3.13 python3.12)
  if command -v pyenv >/dev/null 2>&1; then
    local root; root="$(pyenv root)"
    for v in "$root"/versions/3.13* "$root"/versions/3.12*; do
      [ -x "$v/bin/python3" ] && candidates+=("$v/bin/python3")
    done
  fi
  candidates+=(python3 python)
  for candidate in "${candidates[@]}"; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

# Usage: setup_venv requirements-file
setup_venv() {
  local requirements="$1"
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    local python
    if ! python="$(find_python)"; then
      echo "Clinic Site needs Python 3.12 or newer, and none was found." >&2
      echo "Install one (for example 'apt-get install python3.12' or 'pyenv install 3.12') and run this again." >&2
      exit 1
    fi
    echo "==> Creating .venv with $python ($("$python" --version))"
    rm -rf .venv
    "$python" -m venv .venv
  fi
  # Reinstall only when the pinned requirements changed.
  local stamp=".venv/.installed-$requirements"
  local wanted; wanted="$(cat requirements*.txt | sha256sum)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "==> Installing pinned packages from $requirements"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$wanted" > "$stamp"
  fi
}

# The test-only npm tools (axe-core, vnu-jar), when npm is there; the tests say what is missing otherwise.
setup_node_tools() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "==> npm not found: accessibility and HTML checks will be skipped (install Node.js and npm)"
    return 0
  fi
  local stamp=node_modules/.installed-lock
  local wanted; wanted="$(sha256sum package-lock.json)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "==> Installing pinned npm test tools"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$wanted" > "$stamp"
  fi
}
