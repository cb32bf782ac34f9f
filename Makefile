# The two commands a fresh machine needs: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: demo test deps build lint format

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

## The whole job on embedded defaults: mock stores, sync, plan, send to files.
demo: deps
	$(SWIFT) run aftercart demo

## Build everything and run every test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Connectors Tests Mocks

format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Connectors Tests Mocks
