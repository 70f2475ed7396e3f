#!/usr/bin/env bash
# Guest MIPS per ISA with JMH (benchmarks/README.md). By default: WorkloadMipsBenchmark, the compiled sort/search/
# CRC workload with the MMU on (images/guests/<isa>/bench-sort.elf), on every ISA; then a table of guest MIPS,
# seconds per run and the guest's checksum.
#   scripts/bench.sh                       all ISAs, the full size (2^18 words, ~1.2 * 10^8 instructions a run)
#   scripts/bench.sh --isa arm64 --isa ppc  some ISAs
#   scripts/bench.sh --quick               a small size, one measured run per ISA (a smoke test: seconds, not minutes)
#   scripts/bench.sh --hello               the older GuestMipsBenchmark (the hello image's loop, MMU off)
#   scripts/bench.sh --no-build            use the benchmarks jar as it is (after: mvn -o -q -pl benchmarks install)
#   scripts/bench.sh -- -wi 2 -i 5         anything after -- goes to JMH
# scripts/bench-qemu.sh times the same workload under qemu user mode.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/env.sh"

benchmark=WorkloadMipsBenchmark quick=false build=true isas=() jmh=()
while [ $# -gt 0 ]; do
  case "$1" in
    --isa) isas+=("$2"); shift 2 ;;
    --isa=*) isas+=("${1#--isa=}"); shift ;;
    --quick) quick=true; shift ;;
    --hello) benchmark=GuestMipsBenchmark; shift ;;
    --no-build) build=false; shift ;;
    --) shift; jmh+=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) jmh+=("$1"); shift ;;   # plain JMH arguments are passed through, as before
  esac
done

if $build; then
  polyvisor_find_maven || exit 1
  (cd "$here" && mvn -B -q -DskipTests install)
fi
args=("$benchmark")
if [ ${#isas[@]} -gt 0 ]; then args+=(-p "isa=$(IFS=,; echo "${isas[*]}")"); fi
if $quick; then
  args+=(-wi 0 -i 1)
  [ "$benchmark" = GuestMipsBenchmark ] || args+=(-p words=16384)
fi
csv=$(mktemp); out=$(mktemp); trap 'rm -f "$csv" "$out"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) CPUs"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$here/benchmarks/target/benchmarks.jar" \
  "${args[@]}" "${jmh[@]}" -rf csv -rff "$csv" | tee "$out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The table: guest MIPS per wall-clock second (the instructions counter), per CPU-second of the benchmark thread
# (retiredTotal / cpuMicros: fairer on a loaded machine), and seconds per run (the inverse of the primary score).
echo
printf '%-8s %11s %11s %10s  %s\n' ISA "MIPS wall" "MIPS cpu" "s per run" "guest console"
awk -F, -v out="$out" '
  function unq(s) { gsub(/["\r]/, "", s); return s }   # JMH writes CRLF lines
  BEGIN { while ((getline line < out) > 0) if (match(line, /^\[[a-z0-9_]+\] /)) { isa = substr(line, 2, RLENGTH - 3); con[isa] = substr(line, RLENGTH + 1) } }
  NR == 1 { for (i = 1; i <= NF; i++) { h = unq($i); if (h == "Score") sc = i; if (h == "Param: isa") pi = i }; next }
  { isa = unq($pi); name = unq($1); if (!(isa in seen)) { seen[isa] = 1; order[n++] = isa }
    if (name ~ /:instructions$/) mips[isa] = $sc / 1e6
    else if (name ~ /:retiredTotal$/) total[isa] = $sc
    else if (name ~ /:cpuMicros$/) cpu[isa] = $sc
    else runs[isa] = $sc }
  END { for (k = 0; k < n; k++) { i = order[k]
          c = (cpu[i] > 0) ? sprintf("%.1f", total[i] / cpu[i]) : "-"
          printf "%-8s %11.1f %11s %10.3f  %s\n", i, mips[i], c, (runs[i] > 0 ? 1 / runs[i] : 0), con[i] } }
' "$csv"
