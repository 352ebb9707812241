# The README's two commands (demo, test) and the steps behind them.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFINEPRINT_WERROR=ON
FINEPRINT := $(BUILD_DIR)/fineprint

# Debian packages: the toolchain and the libraries fineprint builds against.
DEB_PACKAGES := g++ cmake ninja-build make tzdata \
  libboost-program-options-dev libtomlplusplus-dev libhowardhinnant-date-dev \
  libfmt-dev catch2 libsimdjson-dev \
  python3 python3-jsonschema

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test clean format package bench bench-peers

# Installs only what is missing, so running it twice does nothing the second time.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "deps: all Debian packages present"; fi

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

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# A Debian package of the build (CPack DEB): $(BUILD_DIR)/fineprint_<version>_<arch>.deb
package: build
	cd $(BUILD_DIR) && cpack -G DEB

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

bench-peers: deps $(BENCH_BUILD_DIR)/build.ninja
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS) --target fineprint fineprint_claimgen
	cd tests/bench/peers && npm install --no-audit --no-fund --silent
	tests/bench/batch/peers.sh $(BENCH_BUILD_DIR)
