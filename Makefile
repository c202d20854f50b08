# Bản Thảo — two commands on a fresh Debian 12 machine:
#   make run    installs what is missing, builds, opens the app on the default library
#   make test   installs what is missing, runs every check and test suite
SHELL := /bin/bash
.DEFAULT_GOAL := run
CARGO ?= cargo
APP_FEATURES := --features banthao-app/custom-protocol
APP_BIN := target/debug/banthao-app
TOOLS := $(CURDIR)/target/tools
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver

.PHONY: run test deps ui app cli check-fmt clippy bindings check-bindings test-rust test-ui test-sync test-e2e \
        bench dist fuzz fmt clean

deps:
	@scripts/install-deps.sh

ui: deps
	cd ui && npm run build

app: ui
	$(CARGO) build -p banthao-app $(APP_FEATURES)

cli: deps
	$(CARGO) build -p banthao-cli

run: app
	$(APP_BIN) $(ARGS)

# ---- tests -------------------------------------------------------------------------------
test: deps check-fmt ui clippy test-rust check-bindings test-ui test-sync test-e2e
	@echo "make test: all suites passed"

check-fmt:
	$(CARGO) fmt --all --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets $(APP_FEATURES) -- -D warnings

# The core's tests write the TypeScript bindings (ts-rs); they must match what is committed.
bindings:
	$(CARGO) test -p banthao-core --lib export_bindings
check-bindings: bindings
	@if [ -n "$$(git status --porcelain -- ui/src/bindings)" ]; then \
	  git status --short -- ui/src/bindings; \
	  echo "ui/src/bindings is out of date with the Rust types: run 'make bindings' and commit"; exit 1; \
	fi

test-rust: ui
	$(CARGO) test --workspace $(APP_FEATURES)

# Publishing against a real WordPress (Debian's packages, on 127.0.0.1, private database) and a
# private Secret Service: scripts/wordpress/with-wordpress.sh installs, starts and stops them.
# These are the tests marked #[ignore] in banthao-sync and the CLI (they need the site).
test-sync: cli
	scripts/wordpress/with-wordpress.sh $(CARGO) test -p banthao-sync -p banthao-cli -- --ignored

test-ui: deps
	cd ui && npm run typecheck && npm test

$(TAURI_DRIVER):
	$(CARGO) install tauri-driver --locked --root $(TOOLS)

test-e2e: app cli $(TAURI_DRIVER)
	scripts/make-photo-fixtures.sh target/photo-fixtures
	TAURI_DRIVER=$(TAURI_DRIVER) APP_BIN=$(CURDIR)/$(APP_BIN) BANTHAO_CLI=$(CURDIR)/target/debug/banthao \
	  E2E_PHOTO=$(CURDIR)/target/photo-fixtures/camera.jpg \
	  scripts/wordpress/with-wordpress.sh xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" node e2e/run.mjs

# ---- not part of `make test` -------------------------------------------------------------
bench: deps ui $(TAURI_DRIVER)
	$(CARGO) build --release -p banthao-app -p banthao-cli -p bare-window $(APP_FEATURES) --features bare-window/custom-protocol
	$(CARGO) build --release -p banthao-bench
	TAURI_DRIVER=$(TAURI_DRIVER) scripts/wordpress/with-wordpress.sh xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" target/release/banthao-bench $(BENCH_ARGS)

# The .deb: the release build, then what the bundler takes from elsewhere staged in target/dist
# (stripped binaries, the CLI's man page and completions: scripts/dist/stage.sh), the bundle made
# from there, and the package checked (scripts/dist/check-deb.sh: lintian, desktop file, AppStream,
# the shipped file list, `banthao --version` and ldd from a scratch install).
CARGO_TARGET := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
DIST := $(CURDIR)/target/dist
dist: ui
	$(CARGO) build --release -p banthao-app -p banthao-cli $(APP_FEATURES)
	scripts/dist/stage.sh $(CARGO_TARGET)/release $(DIST)
	cd ui && CARGO_TARGET_DIR=$(DIST) TAURI_APP_PATH=../src-tauri TAURI_FRONTEND_PATH=. npx tauri bundle --bundles deb
	scripts/dist/check-deb.sh $(DIST)/release/bundle/deb/banthao_*.deb

# The photo import fuzz target (cargo-fuzz + libFuzzer + ASan), for FUZZ_SECONDS (default 120).
# The stable toolchain runs it with RUSTC_BOOTSTRAP=1 (cargo-fuzz passes -Z sanitizer flags).
FUZZ_SECONDS ?= 120
$(TOOLS)/bin/cargo-fuzz:
	$(CARGO) install cargo-fuzz --locked --root $(TOOLS)
fuzz: deps $(TOOLS)/bin/cargo-fuzz
	mkdir -p target/fuzz-corpus
	cd fuzz && RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=../target/fuzz $(TOOLS)/bin/cargo-fuzz run inspect_render \
	  ../target/fuzz-corpus ../crates/media/fixtures -- -max_total_time=$(FUZZ_SECONDS)

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules
