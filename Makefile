# The README's two set-up commands are `make demo` and `make test`.
MVN ?= mvn -B -ntp

.PHONY: demo test bench generate compile import-spec spec-diff clean

## demo: the library's main job against an embedded mock Zendesk (no account needed)
demo:
	$(MVN) -q -DskipTests test-compile exec:java -Dexec.mainClass=io.zenapi.zendesk.demo.Demo \
	  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false

## test: merge + normalise the specs, generate the client, compile, run every test
test:
	$(MVN) verify

## bench: pagination throughput/allocation vs the floor and the cloudbees client, -Xmx64m pass, job polling
bench:
	$(MVN) -q -Pbench -DskipTests test-compile exec:exec@bench

## generate: merge the specs (target/openapi/zendesk-support.json) and generate the client sources
generate:
	$(MVN) generate-sources

## compile: generate and compile, no tests
compile:
	$(MVN) compile

## import-spec SPEC=path/to/oas.yaml: re-split a newer upstream spec into openapi/*.yaml; review with git diff
import-spec:
	@test -n "$(SPEC)" || { echo "usage: make import-spec SPEC=path/to/oas.yaml"; exit 2; }
	$(MVN) -q initialize exec:java@import-spec -Dspec="$(abspath $(SPEC))"

## spec-diff SPEC=path/to/oas.yaml|fragments-dir: report what a new upstream spec changes for Java callers
##   (target/spec-diff/report.md); fails on breaking changes unless ALLOW_BREAKING=1. openapi/ is not touched.
spec-diff:
	@test -n "$(SPEC)" || { echo "usage: make spec-diff SPEC=path/to/oas.yaml [ALLOW_BREAKING=1]"; exit 2; }
	$(MVN) -q initialize exec:java@spec-diff -Dspec="$(abspath $(SPEC))" -Dallow.breaking="$(or $(ALLOW_BREAKING),0)"

clean:
	$(MVN) -q clean
