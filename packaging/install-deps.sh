#!/usr/bin/env bash
# Installs what Strata needs from Debian 12's packages, only when something is
# missing. `build` is enough to build and run; `test` adds the database
# servers and clients the tests start and compare against; `fuzz` adds clang
# for the libFuzzer targets.
set -euo pipefail

build_packages=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql libgl-dev
    libyaml-cpp-dev libqt6svg6 librsvg2-bin dpkg-dev file
    # SQLite statements of a run go straight to the handle of Qt's QSQLITE driver (core/db/sqlitehandle_p.h).
    libsqlite3-dev
    # PostgreSQL: a step's statements go several to a round trip on the QPSQL driver's libpq connection (core/db/pghandle_p.h).
    libpq-dev
    # The programs' allocator: SQLite's schema reloads and Qt's containers spend a fifth of a run in malloc.
    libmimalloc-dev
    # The studio's saved passwords: the desktop keychain through qtkeychain.
    qtkeychain-qt6-dev
)
test_packages=(
    sqlite3 postgresql postgresql-common postgresql-client
    xvfb xauth
    desktop-file-utils appstream man-db bash-completion
    # The Alembic adoption tests build a real Flask-Migrate project and upgrade
    # databases with `flask db upgrade` (psycopg2 for PostgreSQL) to compare.
    python3-flask-migrate python3-psycopg2
)

# `make fuzz`: libFuzzer and the sanitizers come with clang; clang 16 is the
# first that compiles libstdc++ 12's std::expected.
fuzz_packages=(clang-16 libclang-rt-16-dev)

wanted=("${build_packages[@]}")
[ "${1:-build}" = test ] && wanted+=("${test_packages[@]}")
[ "${1:-build}" = fuzz ] && wanted+=("${fuzz_packages[@]}")

missing=()
for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
