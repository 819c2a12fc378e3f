#!/usr/bin/env bash
# Cross-builds the Windows .exe from Linux with the GNU toolchain.
# Needs: rustup target add x86_64-pc-windows-gnu; apt-get install gcc-mingw-w64-x86-64.
# Says plainly, and stops, when either cannot be had on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu

if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  if ! rustup target add "$target"; then
    echo "cannot package for Windows: the $target standard library could not be installed" >&2
    exit 1
  fi
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  echo "cannot package for Windows: install gcc-mingw-w64-x86-64 (the linker)" >&2
  exit 1
fi

cargo build --release --locked --target "$target"
mkdir -p dist/out
cp "target/$target/release/ap-monitor.exe" dist/out/
echo "wrote dist/out/ap-monitor.exe"
