# tracker: make demo | test | bench | eval | install
SWIFT   ?= swift
PREFIX  ?= /usr/local
BIN     := .build/release/tracker
ifndef DEMO_DB
DEMO_DB := $(shell mktemp -u /tmp/tracker-demo-XXXXXX).db
endif

.PHONY: all build demo test bench eval install uninstall clean

all: build

# The Swift runtime and Foundation are linked in, so the one file runs on a machine without Swift
# (it needs glibc, libstdc++ and libsqlite3; `ldd` lists nothing else), and starts faster. lld (shipped
# with the toolchain) links it: GNU ld warns about mktemp inside the static Foundation.
build:
	$(SWIFT) build -c release --product tracker --static-swift-stdlib -Xswiftc -use-ld=lld

# Ingest the bundled example into a throw-away database and show what tracker sees.
demo: build
	@echo "== tracker ingest examples/*.csv  (database: $(DEMO_DB))"
	@$(BIN) ingest --db $(DEMO_DB) examples/*.csv
	@echo; echo "== tracker pages"
	@$(BIN) pages --db $(DEMO_DB) --table
	@echo; echo "== tracker history --page cloudwatt --platform facebook --since 2014-01-27 --until 2014-03-10"
	@$(BIN) history --db $(DEMO_DB) --table --page cloudwatt --platform facebook --since 2014-01-27 --until 2014-03-10
	@echo; echo "== tracker anomalies --page cloudwatt"
	@$(BIN) anomalies --db $(DEMO_DB) --table --page cloudwatt
	@echo; echo "== tracker chart --page cloudwatt --metric fans --metric following"
	@$(BIN) chart --db $(DEMO_DB) --page cloudwatt --metric fans --metric following --width 80 --height 8
	@echo; echo "== tracker followers ingest --page cloudwatt --platform twitter  (two synthetic rosters, examples/followers)"
	@$(BIN) followers ingest --db $(DEMO_DB) --page cloudwatt --platform twitter --at 2014-05-01 examples/followers/cloudwatt-2014-05-01.csv
	@$(BIN) followers ingest --db $(DEMO_DB) --page cloudwatt --platform twitter --at 2014-06-02 examples/followers/cloudwatt-2014-06-02.csv
	@echo; echo "== tracker audit --page cloudwatt --platform twitter"
	@$(BIN) audit --db $(DEMO_DB) --table --page cloudwatt --platform twitter --top 3
	@echo; echo "== tracker followers changes --page cloudwatt --platform twitter"
	@$(BIN) followers changes --db $(DEMO_DB) --table --page cloudwatt --platform twitter
	@echo; echo "== tracker graph ingest + tracker graph communities --page cloudwatt  (synthetic follow graph)"
	@$(BIN) graph ingest --db $(DEMO_DB) --page cloudwatt --platform twitter --at 2014-06-02 examples/followers/cloudwatt-graph-2014-06-02.csv
	@$(BIN) graph communities --db $(DEMO_DB) --table --page cloudwatt --platform twitter
	@echo; echo "== tracker report --page cloudwatt"
	@$(BIN) report --db $(DEMO_DB) --page cloudwatt -o $(basename $(DEMO_DB))-cloudwatt.html

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Speed and memory against the named baselines, on data generated on the fly. Every part runs;
# the exit status is non-zero when any target is missed.
bench: build
	@status=0; for part in ingest report detect audit graph; do \
		echo "python3 bench/$$part.py"; python3 bench/$$part.py || status=1; \
	done; exit $$status

# Quality figures: NAB on ../shared/data/nab (scored by ../shared/eval/nab_score.py), what detection
# says about the real follower histories of ../shared/data/followers (no labels: listed), the
# synthetic audiences on seeds other than the one the tests use (and with other laws of organic
# noise, other textures of organic history, and events early in a history), the follower-audit
# rules on ../shared/data/audit (and on InstaFake when given a clone's data/fake-v1.0 as
# INSTAFAKE=DIR), and the Louvain communities against networkx on generated graphs.
eval: build
	python3 eval/nab.py
	python3 eval/followers.py
	TRACKER_EVAL=1 $(SWIFT) test --filter SyntheticEvaluationReport 2>&1 | grep -A1 '^synthetic'
	TRACKER_EVAL=1 TRACKER_INSTAFAKE=$(INSTAFAKE) $(SWIFT) test --filter SharedDataEvaluation 2>&1 | grep '^audit'
	python3 eval/audit_ceiling.py
	python3 eval/graph.py

install: build
	install -D -s -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tracker

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tracker

clean:
	rm -rf .build
