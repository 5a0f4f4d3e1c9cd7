#!/usr/bin/env bash
# What a newcomer sees: clones this repository's current commit into an empty temporary folder and runs
# the README's two quick-start commands there, `npm install && npm start` and `npm test`, with a PATH that
# holds only node, npm, git, a shell and coreutils: no chromium, pdftotext or latexmk. Both must pass, and
# the last line of `npm test` must name the test groups that skipped for the missing programs.
# Checks the committed state (HEAD), not uncommitted changes. Takes a few minutes; needs the npm registry.
# Usage: scripts/fresh-clone-check.sh [--keep]   (--keep leaves the temporary folder for a look)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/vita-fresh-clone-XXXXXX")"
keep="${1:-}"
cleanup() { if [ "$keep" != "--keep" ]; then rm -rf "$work"; fi; }
trap cleanup EXIT

# A bin folder with only what the README assumes: Node 20 (node, npm, npx), git, sh and coreutils.
bin="$work/bin"
mkdir -p "$bin"
link() { local target; target="$(command -v "$1" || true)"; [ -n "$target" ] && ln -sf "$target" "$bin/$1"; }
for tool in node npm npx git sh bash; do link "$tool"; done
while read -r file; do
  case "$file" in */bin/*) ln -sf "$file" "$bin/$(basename "$file")" ;; esac
done < <(dpkg -L coreutils 2>/dev/null || true)
for tool in env cat ls mkdir rm cp mv ln dirname basename mktemp uname; do [ -e "$bin/$tool" ] || link "$tool"; done
for tool in chromium pdftotext latexmk pdflatex; do
  if PATH="$bin" command -v "$tool" >/dev/null 2>&1; then echo "fresh-clone-check: $tool is on the reduced PATH" >&2; exit 1; fi
done

clone="$work/vita"
git clone --quiet --no-checkout "$repo" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
echo "fresh-clone-check: $commit in $clone, PATH=$bin"

run() { # name, command: runs it in the clone with the reduced PATH, output to a log
  local name="$1" log="$work/$1.log"
  shift
  echo "fresh-clone-check: $* (log: $log)"
  if ! (cd "$clone" && env -u CI -u VITA_REQUIRE_ALL -u VITA_UPDATE_GOLDENS PATH="$bin" "$@") >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fresh-clone-check: FAILED: $*" >&2
    keep=--keep
    exit 1
  fi
}
run install sh -c 'npm install --no-audit --no-fund && npm start'
[ -f "$clone/build/cv.pdf" ] && [ -f "$clone/build/index.html" ] || {
  echo "fresh-clone-check: npm start wrote no build/cv.pdf or build/index.html" >&2
  exit 1
}
run test npm test

summary="$(grep -E '^Skipped [0-9]+ test groups? for missing programs: ' "$work/test.log" | tail -n 1 || true)"
echo "fresh-clone-check: $summary"
for group in 'website in Chromium' 'live reload in Chromium' 'LaTeX engine'; do
  if [[ "$summary" != *"$group"* ]]; then
    echo "fresh-clone-check: the summary line does not name the skipped group '$group'" >&2
    exit 1
  fi
done
echo "fresh-clone-check: OK: a fresh clone installs, builds and passes its tests with Node alone"
