# The README's two set-up commands are `make demo` and `make test`.
MVN ?= mvn -B -ntp
BASELINE_DIR = target/api-baseline
BASELINE_JAR = api/zendesk-client-$(RELEASE)-api.jar

.PHONY: demo test api-check api-baseline bench generate compile import-spec spec-diff clean release-check

## demo: the library's main job against an embedded mock Zendesk (no account needed)
demo:
	$(MVN) -q -DskipTests test-compile exec:java -Dexec.mainClass=io.zenapi.zendesk.demo.Demo \
	  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false

## test: merge + normalise the specs, generate the client, compile, run every test
test:
	$(MVN) verify

## api-check: build the jar (no tests) and compare the hand-written public API with api/*-api.jar (japicmp)
api-check:
	$(MVN) -DskipTests verify

## api-baseline RELEASE=x.y.z: rebuild api/zendesk-client-x.y.z-api.jar from tag vx.y.z (after each release)
api-baseline:
	@test -n "$(RELEASE)" || { echo "usage: make api-baseline RELEASE=0.1.0"; exit 2; }
	rm -rf $(BASELINE_DIR) && mkdir -p $(BASELINE_DIR)/src $(BASELINE_DIR)/classes api
	git archive --format=tar v$(RELEASE) | tar -x -C $(BASELINE_DIR)/src
	cd $(BASELINE_DIR)/src && $(MVN) -q -DskipTests package
	cp -R $(BASELINE_DIR)/src/target/classes/io $(BASELINE_DIR)/classes/
	rm -rf $(BASELINE_DIR)/classes/io/zenapi/zendesk/generated
	find $(BASELINE_DIR)/classes -type f ! -path '*/io/zenapi/zendesk/*' -delete
	rm -f $(BASELINE_JAR)
	cd $(BASELINE_DIR)/classes && jar --create --no-manifest --file $(CURDIR)/$(BASELINE_JAR) \
	  --date="$$(git -C $(CURDIR) log -1 --format=%cI v$(RELEASE))" $$(find . -name '*.class' | LC_ALL=C sort)
	@echo "$(BASELINE_JAR): $$(jar --list --file $(BASELINE_JAR) | wc -l) classes, $$(wc -c < $(BASELINE_JAR)) bytes"

## bench: pagination throughput/allocation vs the floor and the cloudbees client, -Xmx64m pass, job polling
bench:
	$(MVN) -q -Pbench -DskipTests process-test-classes exec:exec@bench

## release-check: build the release twice (sources, javadoc and mock jars, Central bundle; unsigned, not uploaded),
## validate the bundle and check the two builds' jars are byte-identical
release-check:
	MVN="$(MVN)" src/release/release-check.sh

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
