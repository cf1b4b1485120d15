# Thin wrapper around CMake. `make demo` and `make test` are the two set-up commands.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test asan bench install api-coverage docs format clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/bin/mplaunch -n 4 $(BUILD)/examples/pi

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# AddressSanitizer + UBSan in their own build folder.
asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
	    -DCMAKE_C_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
	    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
	    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined"
	cmake --build build-asan -j $(JOBS)
	# handle_segv=0: a rank killed by SIGSEGV must die of it (the tests check 139), not exit 1.
	# (The install tests are not registered in a sanitizer build: see tests/install.)
	ASAN_OPTIONS=detect_leaks=1:handle_segv=0 ctest --test-dir build-asan --output-on-failure \
	    -j $(JOBS)


bench: build
	bench/launch

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

api-coverage:
	scripts/gen-api-coverage . > docs/api-coverage.md.tmp && mv docs/api-coverage.md.tmp docs/api-coverage.md

docs: build api-coverage
	$(BUILD)/docs/gen-tuning > docs/tuning.md.tmp && mv docs/tuning.md.tmp docs/tuning.md

format:
	find runtime launcher tests examples bench include -name '*.[ch]' | xargs clang-format -i

clean:
	rm -rf $(BUILD) build-asan
