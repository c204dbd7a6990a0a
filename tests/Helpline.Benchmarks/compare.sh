#!/usr/bin/env bash
# Side by side, on this machine: our load + clean + aggregations against pandas and DuckDB (on its default threads and
# on one) doing the same on the same files, in alternation, with `cat FILE > /dev/null` as the floor; each row ends in
# the checksum of the aggregations' cells, which must be equal (exit 1 otherwise). Then publish against nbconvert when
# Jupyter is there. Everything it prints is measured in this run; the README's "Performance" table is copied from it.
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
dotnet build -c Release tests/Helpline.Benchmarks.DuckDb >/dev/null
dotnet build lib/Helpline.Notebooks >/dev/null
bench=artifacts/bin/Helpline.Benchmarks/release/Helpline.Benchmarks.dll
duck=artifacts/bin/Helpline.Benchmarks.DuckDb/release/Helpline.Benchmarks.DuckDb.dll
host=artifacts/bin/Helpline.Notebooks/debug/Helpline.Notebooks.dll
printf 'pandas %s, python %s, dotnet %s, %s cores\n' "$("$py" -c 'import pandas; print(pandas.__version__)')" "$("$py" -c 'import platform; print(platform.python_version())')" "$(dotnet --version)" "$(nproc)"
# The value after a word of a benchmark row (OFFSET 2: the one after that): `field "$row" total 2` is its min total.
field() { awk -v name="$2" -v at="${3:-1}" '{ for (i = 1; i < NF; i++) if ($i == name) { print $(i + at); exit } }' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
status=0
declare -A median
for n in "${sizes[@]}"; do
  dir=artifacts/bench/$n
  [ -f "$dir/contacts.csv" ] || dotnet "$host" synthesize --rows "$n" --output "$dir" 2>/dev/null
  file=$dir/contacts.csv
  runs=3
  floor=$( { /usr/bin/time -f '%e' cat "$file" > /dev/null; } 2>&1 )
  echo "== $n rows, $(du -m "$file" | cut -f1) MB; cat to /dev/null: ${floor} s"
  ours=$(dotnet "$bench" "$file" "$runs")
  theirs=$("$py" tests/Helpline.Benchmarks/compare_pandas.py "$file" "$runs")
  duckdb=$(dotnet "$duck" "$file" "$runs")
  duckdb1=$(dotnet "$duck" "$file" "$runs" 1)
  printf '%s\n' "$ours" "$theirs" "$duckdb" "$duckdb1"
  threads=$(awk '{ sub(/^duckdb-/, "", $1); sub(/t$/, "", $1); print $1 }' <<<"$duckdb")
  echo "ratio ours/pandas: time $(ratio "$(field "$ours" total)" "$(field "$theirs" total)"), peak memory $(ratio "$(field "$ours" peak)" "$(field "$theirs" peak)")"
  echo "ratio ours/duckdb($threads threads): time $(ratio "$(field "$ours" total)" "$(field "$duckdb" total)") (median) $(ratio "$(field "$ours" total 2)" "$(field "$duckdb" total 2)") (min), peak memory $(ratio "$(field "$ours" peak)" "$(field "$duckdb" peak)")"
  echo "ours median/min $(ratio "$(field "$ours" total)" "$(field "$ours" total 2)") (duckdb $(ratio "$(field "$duckdb" total)" "$(field "$duckdb" total 2)"))"
  sums=$(for row in "$ours" "$theirs" "$duckdb" "$duckdb1"; do field "$row" checksum; done | sort -u)
  if [ "$(wc -l <<<"$sums")" -eq 1 ] && [ -n "$sums" ]; then
    echo "checksums: equal"
  else
    echo "checksums: DIFFER"
    status=1
  fi
  median[ours/$n]=$(field "$ours" total)
  median[pandas/$n]=$(field "$theirs" total)
  median[duckdb/$n]=$(field "$duckdb" total)
done
# How the medians of total grow from the first large size (1M rows or more) to the next.
large=(); for n in "${sizes[@]}"; do [ "$n" -ge 1000000 ] && large+=("$n"); done
if [ ${#large[@]} -ge 2 ]; then
  a=${large[0]} b=${large[1]}
  short() { awk -v n="$1" 'BEGIN { print (n % 1000000 == 0) ? n / 1000000 "M" : n }'; }
  grew() { awk -v a="${median[$1/$a]}" -v b="${median[$1/$b]}" 'BEGIN { printf "x%.1f", b / a }'; }
  echo "growth $(short "$a")->$(short "$b"): ours $(grew ours), pandas $(grew pandas), duckdb $(grew duckdb) (rows x$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }'))"
fi
# Seconds of wall time of one run of a command, its output dropped.
seconds() { /usr/bin/time -f '%e' -o /tmp/helpline-time.txt "$@" >/dev/null 2>&1 || true; cat /tmp/helpline-time.txt; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
count=$(ls notebooks/*.ipynb | wc -l)
echo "== publish of all $count notebooks (each run a fresh process, unless said; the first after the build is the cold one)"
# --force runs every notebook even though nothing changed; without it, publish finds the site up to date. A page's
# documents are kept when made before from the same inputs (documents/.made-from): removing that record makes them all.
site=artifacts/bench/site
rm -rf "$site"
ours_cold=$(seconds dotnet "$host" publish --force --output "$site")
remade=(); for run in 1 2 3; do rm -f "$site/documents/.made-from"; remade+=("$(seconds dotnet "$host" publish --force --output "$site")"); done
forced=(); for run in 1 2 3; do forced+=("$(seconds dotnet "$host" publish --force --output "$site")"); done
bare=(); for run in 1 2 3; do bare+=("$(seconds dotnet "$host" publish --force --no-documents --output "$site")"); done
dotnet "$host" publish --output "$site" >/dev/null 2>&1
unchanged=(); for run in 1 2 3; do unchanged+=("$(seconds dotnet "$host" publish --output "$site")"); done
echo "ours publish, every notebook run, documents made (--force)     cold ${ours_cold} s  warm ${remade[*]} s  median $(median "${remade[@]}") s"
echo "ours publish, every notebook run, documents kept (--force)     warm ${forced[*]} s  median $(median "${forced[@]}") s"
echo "ours publish, every notebook run, no documents                 warm ${bare[*]} s  median $(median "${bare[@]}") s"
echo "ours publish, nothing changed (site up to date)                warm ${unchanged[*]} s  median $(median "${unchanged[@]}") s"
# The same forced publishes, four in one process (the hidden option --runs): the first pays for compiling the program
# as every fresh process does, the three after it are what a publish itself costs, as in `watch`.
inproc() { dotnet "$host" publish --force --runs 4 --output "$site" "$@" 2>&1 >/dev/null | sed -n 's/^publish runs in one process: //p'; }
echo "ours publish in one process, every notebook run, documents kept (--force --runs 4)  $(inproc)"
echo "ours publish in one process, every notebook run, no documents (--no-documents)     $(inproc --no-documents)"
if jupyter nbconvert --version >/dev/null 2>&1 && "$py" -c 'import plotly, ipykernel' 2>/dev/null; then
  echo "== against jupyter nbconvert --execute --to html of $count minimal pandas + plotly notebooks"
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
  theirs_cold=$(seconds jupyter nbconvert --execute --to html artifacts/bench/nbconvert/*.ipynb)
  theirs_warm=(); for run in 1 2 3; do theirs_warm+=("$(seconds jupyter nbconvert --execute --to html artifacts/bench/nbconvert/*.ipynb)"); done
  echo "jupyter nbconvert     cold ${theirs_cold} s  warm ${theirs_warm[*]} s  median $(median "${theirs_warm[@]}") s"
  awk -v a="$(median "${bare[@]}")" -v b="$(median "${theirs_warm[@]}")" -v c="$ours_cold" -v d="$theirs_cold" \
    'BEGIN { printf "ratio ours (no documents)/nbconvert: warm %.2f, cold %.2f\n", a / b, c / d }'
else
  echo "(jupyter nbconvert with plotly and ipykernel not installed: apt-get install jupyter-nbconvert python3-plotly python3-ipykernel to time publish against it)"
fi
exit "$status"
