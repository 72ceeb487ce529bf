# The two set-up commands of the README:
#   make run    installs what is missing, builds, and runs the main job
#   make test   installs what is missing (PostgreSQL too), builds, and runs every test
#               against SQLite files and a throwaway PostgreSQL cluster (pg_virtualenv)
BUILD ?= build
DEMO  ?= $(BUILD)/demo

.PHONY: all deps test-deps configure build run test clean

all: build

deps:
	packaging/install-deps.sh build

test-deps:
	packaging/install-deps.sh test

configure:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps configure
	cmake --build $(BUILD) -j 2

# Until the studio exists, the main job is the command line on the bundled example project.
run: build
	@mkdir -p $(DEMO)
	@rm -f $(DEMO)/habitz.db
	$(BUILD)/app/cli/strata -d migrations --database sqlite:///$(DEMO)/habitz.db history
	$(BUILD)/app/cli/strata -d migrations --database sqlite:///$(DEMO)/habitz.db upgrade head
	$(BUILD)/app/cli/strata -d migrations --database sqlite:///$(DEMO)/habitz.db current
	$(BUILD)/app/cli/strata -d migrations --database sqlite:///$(DEMO)/habitz.db downgrade base
	$(BUILD)/app/cli/strata -d migrations --database sqlite:///$(DEMO)/habitz.db upgrade head
	$(BUILD)/app/cli/strata -d migrations --database sqlite:///$(DEMO)/habitz.db current --verbose

test: test-deps configure
	cmake --build $(BUILD) -j 2
	pg_virtualenv -- ctest --test-dir $(BUILD) --output-on-failure --timeout 300

clean:
	rm -rf $(BUILD)
