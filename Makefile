# Targets: build, test (unit, golden and matrix tests), and the heavy checks that install
# and run generated projects: verify (every stack builds and starts), e2e (sign-up flows
# against a stand-in core, in headless Chromium). The *-smoke targets run a representative
# slice of each, as CI does.

GO ?= go
BIN := bin/create-supertokens-app
TOOLS := tools/node_modules/.package-lock.json
# Node.js 24 from the npm registry, installed by `make tools`; heavy checks run under it.
NODE24_BIN := $(CURDIR)/tools/node_modules/node/bin

.PHONY: build test test-short tools verify verify-smoke e2e e2e-smoke bench lint clean

build:
	$(GO) build -o $(BIN) .

test: $(TOOLS)
	$(GO) test ./...

test-short:
	$(GO) test -short ./...

tools: $(TOOLS)

$(TOOLS): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --loglevel=error

verify: build $(TOOLS)
	PATH="$(NODE24_BIN):$$PATH" $(GO) run ./internal/stackcheck verify

verify-smoke: build $(TOOLS)
	PATH="$(NODE24_BIN):$$PATH" $(GO) run ./internal/stackcheck verify --smoke

e2e: build $(TOOLS)
	PATH="$(NODE24_BIN):$$PATH" $(GO) run ./internal/stackcheck e2e

e2e-smoke: build $(TOOLS)
	PATH="$(NODE24_BIN):$$PATH" $(GO) run ./internal/stackcheck e2e --smoke

bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./generator/
	./scripts/bench.sh $(BIN)

lint:
	test -z "$$(gofmt -l .)"
	$(GO) vet ./...

clean:
	rm -rf bin
