# The two commands of the README: `make example` and `make test`.
# Both first install the system packages HiGHS needs to build (cmake, libclang-dev) if missing.

SYSTEM_PACKAGES := cmake libclang-dev
SCENARIO := data/double11/scenario.toml
OUT := out/double11

.PHONY: example test system-packages

example: system-packages
	cargo run --release -- plan $(SCENARIO) --out $(OUT)

test: system-packages
	cargo fmt --check
	cargo clippy --release --all-targets -- -D warnings
	cargo test --release

system-packages:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
