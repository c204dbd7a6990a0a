#!/usr/bin/env bash
# Side by side, on this machine: our load + clean + aggregations against pandas doing the same on the same files,
# in alternation, with `cat FILE > /dev/null` as the floor; then publish against nbconvert when Jupyter is there.
# Everything it prints is measured in this run; the README's "Performance" table is copied from it.
# Usage: tests/Helpline.Benchmarks/compare.sh [ROWS...]   (default: 10000 1000000 5000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 1000000 5000000)
py=/usr/bin/python3
if ! "$py" -c 'import pandas' 2>/dev/null; then
  echo "installing Debian's python3-pandas" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas >/dev/null
fi
dotnet build -c Release tests/Helpline.Benchmarks >/dev/null
dotnet build lib/Helpline.Notebooks >/dev/null
bench=artifacts/bin/Helpline.Benchmarks/release/Helpline.Benchmarks.dll
host=artifacts/bin/Helpline.Notebooks/debug/Helpline.Notebooks.dll
printf 'pandas %s, python %s, dotnet %s, %s cores\n' "$("$py" -c 'import pandas; print(pandas.__version__)')" "$("$py" -c 'import platform; print(platform.python_version())')" "$(dotnet --version)" "$(nproc)"
for n in "${sizes[@]}"; do
  dir=artifacts/bench/$n
  [ -f "$dir/contacts.csv" ] || dotnet "$host" synthesize --rows "$n" --output "$dir" 2>/dev/null
  file=$dir/contacts.csv
  runs=3
  floor=$( { /usr/bin/time -f '%e' cat "$file" > /dev/null; } 2>&1 )
  echo "== $n rows, $(du -m "$file" | cut -f1) MB; cat to /dev/null: ${floor} s"
  ours=$(dotnet "$bench" "$file" "$runs")
  theirs=$("$py" tests/Helpline.Benchmarks/compare_pandas.py "$file" "$runs")
  echo "$ours"; echo "$theirs"
  awk -v a="$ours" -v b="$theirs" 'BEGIN {
    split(a, x, " "); split(b, y, " ");
    for (i in x) { if (x[i] == "total") ot = x[i+1]; if (x[i] == "peak") om = x[i+1] }
    for (i in y) { if (y[i] == "total") pt = y[i+1]; if (y[i] == "peak") pm = y[i+1] }
    printf "ratio ours/pandas: time %.2f, peak memory %.2f\n", ot / pt, om / pm }'
done
if command -v jupyter >/dev/null 2>&1; then
  count=$(ls notebooks/*.ipynb | wc -l)
  echo "== publish of all $count notebooks against jupyter nbconvert --execute --to html of $count minimal pandas + plotly notebooks"
  # Seconds of wall time of one run of a command, its output dropped.
  seconds() { /usr/bin/time -f '%e' -o /tmp/helpline-time.txt "$@" >/dev/null 2>&1 || true; cat /tmp/helpline-time.txt; }
  median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  mkdir -p artifacts/bench/nbconvert
  for i in $(seq 1 "$count"); do
    "$py" - "$i" <<'PY'
import json, sys
i = sys.argv[1]
cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": [
    "import pandas as pd, plotly.express as px\n", "df = pd.DataFrame({'x': range(10), 'y': range(10)})\n", "px.bar(df, x='x', y='y')"]}]
json.dump({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
           "nbformat": 4, "nbformat_minor": 5}, open(f"artifacts/bench/nbconvert/n{i}.ipynb", "w"))
PY
  done
  # Each run is a fresh process; the first after the build is the cold one, the next three are warm.
  ours_cold=$(seconds dotnet "$host" publish --output artifacts/bench/site)
  ours_warm=(); for run in 1 2 3; do ours_warm+=("$(seconds dotnet "$host" publish --output artifacts/bench/site)"); done
  theirs_cold=$(seconds jupyter nbconvert --execute --to html artifacts/bench/nbconvert/*.ipynb)
  theirs_warm=(); for run in 1 2 3; do theirs_warm+=("$(seconds jupyter nbconvert --execute --to html artifacts/bench/nbconvert/*.ipynb)"); done
  echo "ours   publish        cold ${ours_cold} s  warm ${ours_warm[*]} s  median $(median "${ours_warm[@]}") s"
  echo "jupyter nbconvert     cold ${theirs_cold} s  warm ${theirs_warm[*]} s  median $(median "${theirs_warm[@]}") s"
  awk -v a="$(median "${ours_warm[@]}")" -v b="$(median "${theirs_warm[@]}")" -v c="$ours_cold" -v d="$theirs_cold" \
    'BEGIN { printf "ratio ours/nbconvert: warm %.2f, cold %.2f\n", a / b, c / d }'
else
  echo "(jupyter not installed: apt-get install jupyter-nbconvert python3-plotly python3-ipykernel to time publish against nbconvert)"
fi
