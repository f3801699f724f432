# trainlab: the two commands of the README, plus bench and size. Each installs what is missing.
.PHONY: serve test build bench size standalone setup clean

serve: ## build the release wasm and serve the lab on http://127.0.0.1:8000
	scripts/serve.sh

test: ## fmt, clippy, native tests, wasm-pack browser tests, end-to-end tests
	scripts/test.sh

build: ## release wasm + static site in dist/
	scripts/build.sh

bench: ## benchmark rows (headless Chromium); PEERS=1 also runs ../shared/peers in the same invocation
	scripts/bench.sh

size: ## raw and gzipped bytes the page loads
	scripts/size.sh

standalone: ## dist/trainlab.html: the whole lab in one file that works from file:// (also made by build)
	scripts/build.sh

setup:
	scripts/setup.sh test

clean:
	rm -rf dist pkg target
