# Weft — make run (build and open the UI) and make test (run every test).
SWIFT ?= swift
# libsqlite3-dev: SQLite for GRDB, and its header for the one C call Weft makes (Sources/CSQLiteTuning).
# acl: setfacl/getfacl for private boards on shared spaces (Docs/security.md) and their tests.
SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev acl
# python3-markdown: the digest tests render its Markdown with a standard tool.
TEST_PACKAGES := tmux git python3 python3-markdown
BENCH_POSTS ?= 100000

.PHONY: run build release test deps test-deps bench clean install

run: release
	.build/release/weft $(ARGS)

deps:
	@scripts/ensure-packages.sh $(SYSTEM_PACKAGES)

test-deps: deps
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product weft

# Every test is XCTest; without Swift Testing's empty run the last line of the
# output is XCTest's summary ("Executed N tests, with 0 failures").
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

bench: release
	scripts/bench.sh $(BENCH_POSTS)

install: release
	install -D -m 755 .build/release/weft $(DESTDIR)$(PREFIX)/bin/weft

PREFIX ?= /usr/local

clean:
	rm -rf .build
