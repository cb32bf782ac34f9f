# The two commands a fresh machine needs: `make demo` and `make test`.
SWIFT ?= swift
# Package.swift finds adapters by folder; SwiftPM caches the evaluated
# manifest by its text and environment, so the folder list goes in the
# environment and a new adapter folder is seen at once.
export AFTERCART_ADAPTER_FOLDERS := $(sort $(notdir $(wildcard Connectors/* Tests/Connectors/*)))

.PHONY: demo test deps build lint format bench

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

## The whole job on embedded defaults: mock stores, sync, plan, send to files.
demo: deps
	$(SWIFT) run aftercart demo

## Build everything and run every test suite.
test: deps
	@start=$$(date +%s); $(SWIFT) build --build-tests && echo "make test: build took $$(( $$(date +%s) - start )) s"
	@start=$$(date +%s); scripts/with-test-postgres.sh scripts/test-watchdog.sh $(SWIFT) test; status=$$?; \
		echo "make test: tests took $$(( $$(date +%s) - start )) s"; exit $$status

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Connectors Tests Mocks Benchmarks

format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Connectors Tests Mocks Benchmarks

## Release-mode benchmarks (never part of `make test`); prints the tables of BENCHMARKS.md.
BENCH_BUILD ?= .build
bench: deps
	$(SWIFT) build -c release --scratch-path $(BENCH_BUILD) --product aftercart-mock
	$(SWIFT) build -c release --scratch-path $(BENCH_BUILD) --product aftercart-bench
	$(BENCH_BUILD)/release/aftercart-bench $(BENCH_ARGS)
