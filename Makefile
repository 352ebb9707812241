# The README's two commands (demo, test) and the steps behind them.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFINEPRINT_WERROR=ON
FINEPRINT := $(BUILD_DIR)/fineprint

# Debian packages: the toolchain and the libraries fineprint builds against;
# nodejs (the npm test tools below), libxml2-utils (xmllint and the JUnit XSD)
# tmux (colour through a real terminal), lintian (the .deb) and pre-commit
# (the hooks of .pre-commit-hooks.yaml) for the tests
# of issue 18.
DEB_PACKAGES := g++ cmake ninja-build make tzdata \
  libboost-program-options-dev libtomlplusplus-dev libhowardhinnant-date-dev \
  libfmt-dev catch2 libsimdjson-dev libicu-dev libcsv-dev \
  python3 python3-jsonschema python3-yaml \
  nodejs libxml2-utils tmux lintian pre-commit mandoc git curl cmark-gfm \
  clang-14 libclang-rt-14-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test clean format regenerate package bench bench-floor bench-peers bench-history \
  build-sanitize test-sanitize fuzz-smoke fuzz

# Installs only what is missing, so running it twice does nothing the second time.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "deps: all Debian packages present"; fi
	@# The real clients the tests check fineprint's outputs with (issue 18):
	@# npm packages pinned by tools/package-lock.json, installed once into the
	@# ignored tools/node_modules (again only when the lock file changes).
	@if [ ! tools/node_modules/.package-lock.json -nt tools/package-lock.json ]; then \
	  echo "installing the npm test tools (tools/package-lock.json)"; \
	  command -v npm >/dev/null || $(SUDO) apt-get install -y -qq npm; \
	  cd tools && npm ci --no-audit --no-fund --silent; \
	else echo "deps: npm test tools present"; fi

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@echo "== fineprint lint rules/"
	$(FINEPRINT) lint rules
	@echo
	@echo "== fineprint resolve examples/claims/*.toml"
	@for f in examples/claims/*.toml; do \
	  [ -e "$$f" ] || continue; \
	  echo "-- $$f"; $(FINEPRINT) resolve --rules rules "$$f" || exit $$?; echo; \
	done
	@# A folder of examples/claims/ holds its own rulebook.toml and its claims.
	@for d in examples/claims/*/; do \
	  [ -e "$$d/rulebook.toml" ] || continue; \
	  for f in "$$d"*.toml; do \
	    [ "$$(basename $$f)" = rulebook.toml ] && continue; \
	    echo "-- $$f (rules: $${d}rulebook.toml)"; \
	    $(FINEPRINT) resolve --rules "$${d}rulebook.toml" "$$f" || exit $$?; echo; \
	  done; \
	done
	@echo "== fineprint reply: the letter to the customer, in Latvian and in English"
	$(FINEPRINT) reply --rules rules --lang lv examples/claims/washed-wool-hat.toml
	@echo
	$(FINEPRINT) reply --rules rules --lang en examples/claims/hats-3for2-return-one-reprice.toml

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Hostile input (issue 7). One clang tree serves both: every object built with
# AddressSanitizer + UndefinedBehaviorSanitizer (-fno-sanitize-recover=all)
# and libFuzzer's coverage hooks; the suite and the fuzz_* targets link it.
# exitcode=86 keeps a sanitizer report from passing for `lint`'s exit 1.
SANITIZE_BUILD_DIR ?= build-sanitize
SANITIZE_CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DFINEPRINT_SANITIZE=ON -DFINEPRINT_FUZZ=ON
SANITIZER_ENV := ASAN_OPTIONS=exitcode=86:detect_leaks=1 \
  UBSAN_OPTIONS=exitcode=86:print_stacktrace=1:halt_on_error=1
FUZZ_SECONDS ?= 600

$(SANITIZE_BUILD_DIR)/build.ninja:
	cmake -S . -B $(SANITIZE_BUILD_DIR) -G Ninja $(SANITIZE_CMAKE_FLAGS)

build-sanitize: deps $(SANITIZE_BUILD_DIR)/build.ninja
	cmake --build $(SANITIZE_BUILD_DIR) -j $(JOBS)

# The whole test suite, sanitized (the end-to-end tests run the sanitized executable).
test-sanitize: build-sanitize
	cd $(SANITIZE_BUILD_DIR) && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS)

# Each fuzz target for 60 s (CI); `make fuzz FUZZ_SECONDS=N` for longer runs.
# Findings: $(SANITIZE_BUILD_DIR)/fuzz/artifacts/; stats: .../fuzz/summary.txt.
fuzz-smoke: build-sanitize
	tests/fuzz/run.sh $(SANITIZE_BUILD_DIR) 60

fuzz: build-sanitize
	tests/fuzz/run.sh $(SANITIZE_BUILD_DIR) $(FUZZ_SECONDS)

# A Debian package of the build (CPack DEB): $(BUILD_DIR)/fineprint_<version>_<arch>.deb.
# Builds the executable only, not the test suite (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY).
package: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS) --target fineprint fineprint_debian_files
	cd $(BUILD_DIR) && cpack -G DEB

# What is generated from the rule registry and the schemas, rewritten after a
# lint rule or a schema description changes (HACKING.md): docs/lint-rules.md,
# the schema's suppressibleRule enum, the published schemas/standalone/, the
# field tables of docs/*.md.
regenerate: build
	python3 docs/tools/registry_outputs.py $(FINEPRINT) .
	python3 schemas/standalone.py .
	python3 docs/tools/schema_tables.py .
	cmake --build $(BUILD_DIR) -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD_DIR)

# Benchmarks (not part of `make test`): `fineprint batch` throughput, peak RSS
# and resolve latency (tests/bench/batch/run.sh); bench-peers compares with
# json-rules-engine and GoRules zen-engine, installed by npm into the ignored
# tests/bench/peers/node_modules.
BENCH_BUILD_DIR ?= build-bench-batch
$(BENCH_BUILD_DIR)/build.ninja:
	cmake -S . -B $(BENCH_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DFINEPRINT_BENCH=ON -DFINEPRINT_TESTS=OFF

bench: deps $(BENCH_BUILD_DIR)/build.ninja
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target fineprint fineprint_claimgen
	tests/bench/batch/run.sh $(BENCH_BUILD_DIR)

# The measured floor of batch (issue 19): parse-only, write-only and batch on
# the same claims in one run (tests/bench/batch/floor.sh).
bench-floor: deps $(BENCH_BUILD_DIR)/build.ninja
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target fineprint fineprint_claimgen fineprint_parse_only fineprint_write_only
	tests/bench/batch/floor.sh $(BENCH_BUILD_DIR)

bench-peers: deps $(BENCH_BUILD_DIR)/build.ninja
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target fineprint fineprint_claimgen
	cd tests/bench/peers && npm install --no-audit --no-fund --silent
	tests/bench/batch/peers.sh $(BENCH_BUILD_DIR)

# Deciding as the rulebook's history grows (issue 21): tests/bench/history/run.sh.
bench-history: deps $(BENCH_BUILD_DIR)/build.ninja
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target fineprint fineprint_claimgen fineprint_history_rules
	tests/bench/history/run.sh $(BENCH_BUILD_DIR)
