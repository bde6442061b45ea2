# backcare — `make run` starts the app, `make test` passes the whole suite. Both set up everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AXE := .cache/axe/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1
# "Check my form" (issue 23): MediaPipe's pose landmarker from the npm registry, bundled at build
# time by scripts/make_pose_model.py (its metadata writer comes from MediaPipe's PyPI wheel).
TASKS_VISION_VERSION := 1.1.0
MEDIAPIPE_POSE_VERSION := 0.5.1675469404
MEDIAPIPE_PY := mediapipe==0.10.21 flatbuffers==25.2.10 numpy==1.26.4 protobuf==4.25.9
POSE_NPM := .cache/pose/node_modules/@mediapipe
POSE_VENV := .cache/pose-venv
POSE_STATIC := src/backcare/web/static/pose
POSE_MODEL := $(POSE_STATIC)/pose_landmarker_lite.task

.PHONY: run test lint bench system-deps clean

$(STAMP): pyproject.toml
	@echo "Setting up $(VENV): installing backcare and its libraries (a minute or two, once)..."
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,lint]"
	touch $(STAMP)
	@echo "Set up. Starting..."

run: $(STAMP) $(POSE_MODEL)
	$(BIN)/backcare serve

# axe-core (npm) is injected into pages by the accessibility tests.
$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

# Served from /static/pose/ (never fetched from elsewhere at run time); not kept in git.
$(POSE_MODEL): scripts/make_pose_model.py
	npm install --silent --no-audit --no-fund --prefix .cache/pose \
		@mediapipe/tasks-vision@$(TASKS_VISION_VERSION) @mediapipe/pose@$(MEDIAPIPE_POSE_VERSION)
	test -x $(POSE_VENV)/bin/python || $(PYTHON) -m venv $(POSE_VENV)
	$(POSE_VENV)/bin/python -m pip install --quiet --no-deps $(MEDIAPIPE_PY)
	mkdir -p $(POSE_STATIC)/wasm
	cp $(POSE_NPM)/tasks-vision/vision_bundle.js $(POSE_STATIC)/
	cp $(POSE_NPM)/tasks-vision/wasm/vision_wasm_internal.js $(POSE_NPM)/tasks-vision/wasm/vision_wasm_internal.wasm \
		$(POSE_NPM)/tasks-vision/wasm/vision_wasm_nosimd_internal.js $(POSE_NPM)/tasks-vision/wasm/vision_wasm_nosimd_internal.wasm \
		$(POSE_STATIC)/wasm/
	$(POSE_VENV)/bin/python scripts/make_pose_model.py $(POSE_NPM)/pose $@

system-deps:
	@scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(STAMP) system-deps $(AXE) $(POSE_MODEL) lint
	$(BIN)/pytest

bench: $(STAMP) $(POSE_MODEL)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache $(POSE_STATIC)
