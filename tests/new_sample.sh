#!/bin/sh
# new_sample.sh NAME -- create samples/NAME.py from a skeleton (if missing) and
# generate its expected files from CPython through python3 -m asyncc.
# Edit samples/NAME.py, then run this again (or tests/run_samples.py --update
# --only NAME) and review the .out/.err/.status files before committing.
set -e
cd "$(dirname "$0")/.."
name="${1:?usage: tests/new_sample.sh NAME}"
name="${name%.py}"
py="samples/$name.py"
if [ ! -f "$py" ]; then
  mkdir -p "$(dirname "$py")"
  cat > "$py" <<'PY'
# What this sample shows, in one line.
# Directives (optional, in this leading comment block):
#   asyncc: clock=monotonic     asyncc: args a b     asyncc: no-oracle REASON


def main() -> None:
    print("new sample")


if __name__ == "__main__":
    main()
PY
  echo "created $py"
fi
python3 tests/run_samples.py --update --only "$name"
