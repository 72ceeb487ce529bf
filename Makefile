# The two set-up commands of the README:
#   make run    installs what is missing, builds, and runs the main job
#   make test   installs what is missing (PostgreSQL too), builds, and runs every test
#               against SQLite files and a throwaway PostgreSQL cluster (pg_virtualenv)
#   make package  builds the Debian package $(BUILD)/strata_<version>_<arch>.deb
BUILD ?= build
DEMO  ?= $(BUILD)/demo

.PHONY: all deps test-deps configure build run test bench package clean

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

# Benchmarks (tests/bench): figures against sqlite3 and psql, printed; not part of `make test`.
bench: test-deps configure
	cmake --build $(BUILD) -j 2
	pg_virtualenv -t -- ctest --test-dir $(BUILD) -L bench --verbose

# The Debian package: $(BUILD)/strata_<version>_<arch>.deb, to install with
#   apt install ./$(BUILD)/strata_*.deb
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD)
