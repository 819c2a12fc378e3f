#!/usr/bin/env bash
# Builds a release tarball for Linux: the binary, its desktop entry and
# icon, the sample register, and the licences of what is embedded.
# Usage: dist/package-linux.sh   (writes dist/out/ap-monitor-VERSION-linux-x86_64.tar.gz)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
name="ap-monitor-${version}-linux-$(uname -m)"
stage="dist/out/${name}"

cargo build --release --locked
rm -rf "$stage"
mkdir -p "$stage"
cp target/release/ap-monitor "$stage/"
strip "$stage/ap-monitor" 2>/dev/null || echo "strip not found: the binary keeps its symbols"
cp dist/ap-monitor.desktop assets/icon/ap-monitor.png README.md "$stage/"
cp assets/sample-register.ron "$stage/"
mkdir -p "$stage/licences"
cp assets/fonts/*LICENSE* assets/fonts/*LICENCE* "$stage/licences/" 2>/dev/null || true

tar -C dist/out -czf "dist/out/${name}.tar.gz" "$name"
echo "wrote dist/out/${name}.tar.gz ($(du -h "dist/out/${name}.tar.gz" | cut -f1))"
