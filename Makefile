# The two set-up commands of the README:
#   make run    installs what is missing, builds, and runs the main job
#   make test   installs what is missing (PostgreSQL too), builds, and runs every test
#               against SQLite files and a throwaway PostgreSQL cluster (pg_virtualenv)
#   make package  builds the Debian package $(BUILD)/strata_<version>_<arch>.deb
BUILD ?= build
DEMO  ?= $(BUILD)/demo

.PHONY: all deps test-deps configure build run test bench soak fuzz package clean

all: build

deps:
	packaging/install-deps.sh build

test-deps:
	packaging/install-deps.sh test

configure:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps configure
	cmake --build $(BUILD) -j 2

# The main job: the studio on the bundled example project (Habitz), against a local SQLite file
# in the user's data folder, created and upgraded to head on first start. Without a display it
# runs offscreen and saves a picture of the window instead.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BUILD)/app/studio/strata-studio; \
	else \
		mkdir -p $(DEMO); \
		echo "No display: running the studio offscreen; picture of the window: $(DEMO)/studio.png"; \
		QT_QPA_PLATFORM=offscreen $(BUILD)/app/studio/strata-studio --size 1280x800 --screenshot $(DEMO)/studio.png; \
	fi

# pg_virtualenv -t keeps the throwaway cluster in a temporary directory even as root, so a
# cluster left behind by a killed run can never block the next one.
test: test-deps configure
	cmake --build $(BUILD) -j 2
	pg_virtualenv -t -- ctest --test-dir $(BUILD) --output-on-failure --timeout 300 -LE bench

# Benchmarks (tests/bench): figures against sqlite3 and psql, written to docs/benchmarks.md
# and beside Alembic where installed (about 20 minutes; STRATA_BENCH_SIZES=100,1000 for less). `make test` runs them small (label smoke).
bench: test-deps configure
	cmake --build $(BUILD) -j 2
	pg_virtualenv -t -- ctest --test-dir $(BUILD) -L bench --verbose

# Crash safety at length (outside `make test`): SOAK_ROUNDS rounds per database and project of
# `upgrade head` and a downgrade, each SIGKILLed at a random moment, the database checked after every
# kill and every re-run (schema equal to what the version row says; in the project whose steps rebuild
# a parent and a child under ON DELETE CASCADE, every row kept). Two projects, so 125 rounds = 500
# kills per database, 1,000 in all. SOAK_SEED picks another sequence.
SOAK_ROUNDS ?= 125
SOAK_SEED   ?= 1
soak: test-deps configure
	cmake --build $(BUILD) -j 2 --target strata tst_crashsafety
	STRATA_CRASH_ROUNDS=$(SOAK_ROUNDS) STRATA_CRASH_SEED=$(SOAK_SEED) pg_virtualenv -t -- \
		ctest --test-dir $(BUILD) -R tst_crashsafety --output-on-failure --timeout 36000

# libFuzzer on the revision-file, models.yaml / strata.yaml and URL parsers (tests/fuzz), with ASan and UBSan, for
# FUZZ_SECONDS per target. New inputs that found new paths go to $(FUZZ_BUILD)/corpus-*,
# crashes to $(FUZZ_BUILD)/artifacts/ (replay one with: $(FUZZ_BUILD)/tests/fuzz/fuzz_revision FILE).
FUZZ_SECONDS ?= 300
FUZZ_BUILD   ?= build-fuzz
fuzz:
	packaging/install-deps.sh fuzz
	CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRATA_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j 2
	mkdir -p $(FUZZ_BUILD)/artifacts $(FUZZ_BUILD)/corpus-revision $(FUZZ_BUILD)/corpus-projectyaml \
		$(FUZZ_BUILD)/corpus-databaseurl
	$(FUZZ_BUILD)/tests/fuzz/fuzz_revision -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-artifact_prefix=$(FUZZ_BUILD)/artifacts/ $(FUZZ_BUILD)/corpus-revision tests/fuzz/corpus/revision
	$(FUZZ_BUILD)/tests/fuzz/fuzz_projectyaml -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-artifact_prefix=$(FUZZ_BUILD)/artifacts/ $(FUZZ_BUILD)/corpus-projectyaml tests/fuzz/corpus/projectyaml
	$(FUZZ_BUILD)/tests/fuzz/fuzz_databaseurl -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-artifact_prefix=$(FUZZ_BUILD)/artifacts/ $(FUZZ_BUILD)/corpus-databaseurl tests/fuzz/corpus/url

# The Debian package: $(BUILD)/strata_<version>_<arch>.deb, to install with
#   apt install ./$(BUILD)/strata_*.deb
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD)
