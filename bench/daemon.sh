# Daemon-level measurements: cold start (exec -> first /_ping) and memory. Sourced by run-all.sh.

# mem_snapshot DAEMON: "ENGINE_RSS ENGINE_PSS MONITORS MON_RSS MON_PSS" in KiB.
# Engine = berthd's JVM; dockerd plus the containerd it supervises. Monitors = one conmon per Berth container;
# one containerd-shim-runc-v2 per dockerd container.
mem_snapshot() {
  local d=$1 pid
  pid=$(daemon_pid "$d")
  case $d in
    berth)
      python3 "$BENCH_DIR/procmem.py" --group engine "pid=$pid" --group monitors "comm=conmon,cmd=$B_EXEC/" ;;
    dockerd)
      python3 "$BENCH_DIR/procmem.py" --group engine "pid=$pid" --group containerd "comm=containerd,ppid=$pid" \
        --group monitors "comm=containerd-shim*,cmd=$D_EXEC/" ;;
  esac | awk '
    $1 == "engine" || $1 == "containerd" { rss += $3; pss += $4 }
    $1 == "monitors" { n = $2; mrss = $3; mpss = $4 }
    END { printf "%d %d %d %d %d\n", rss, pss, n, mrss, mpss }'
}

kib2mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# record_memory SUFFIX: engine and monitor memory of both daemons now (metrics mem_<what>_SUFFIX, MiB).
record_memory() {
  local sfx=$1 d e_rss e_pss n m_rss m_pss
  for d in "${DAEMONS[@]}"; do
    read -r e_rss e_pss n m_rss m_pss <<< "$(mem_snapshot "$d")"
    echo "$sfx $d $e_rss $e_pss $n $m_rss $m_pss" >> "$OUT/memory.raw"
    record "rss_engine_$sfx" "$d" "$(kib2mib "$e_rss")" MiB
    record "pss_engine_$sfx" "$d" "$(kib2mib "$e_pss")" MiB
    if [ "$n" -gt 0 ]; then
      record "monitors_$sfx" "$d" "$n" count
      record "rss_monitors_$sfx" "$d" "$(kib2mib "$m_rss")" MiB
      record "pss_monitors_$sfx" "$d" "$(kib2mib "$m_pss")" MiB
      record "rss_per_monitor_$sfx" "$d" "$(awk -v a="$m_rss" -v n="$n" 'BEGIN { printf "%.2f", a / n / 1024 }')" MiB
      record "pss_per_monitor_$sfx" "$d" "$(awk -v a="$m_pss" -v n="$n" 'BEGIN { printf "%.2f", a / n / 1024 }')" MiB
    fi
    record "rss_total_$sfx" "$d" "$(kib2mib $((e_rss + m_rss)))" MiB
    record "pss_total_$sfx" "$d" "$(kib2mib $((e_pss + m_pss)))" MiB
  done
}

# A few ordinary requests, then a pause, so "idle" means a daemon that has served something.
touch_daemons() {
  local d
  for d in "${DAEMONS[@]}"; do
    dk "$d" version >/dev/null; dk "$d" info >/dev/null; dk "$d" images >/dev/null; dk "$d" ps -a >/dev/null
  done
  sleep "${1:-5}"
}

bench_coldstart() {
  log "cold start: $COLD_RUNS restarts of each daemon (exec -> first /_ping), alternating"
  local i d ms
  declare -A ping=() ready=()
  for i in $(seq "$COLD_RUNS"); do
    for d in "${DAEMONS[@]}"; do
      stop_daemon "$d"
      sleep 1
      ms=$(start_daemon "$d")
      ping[$d]+="${ms% *} "; ready[$d]+="${ms#* } "
    done
  done
  for d in "${DAEMONS[@]}"; do
    record_samples coldstart "$d" ms "${ping[$d]}"
    record_samples coldstart_ready "$d" ms "${ready[$d]}"
  done
  if [ ! -f "$BERTH_RUN/engine-daemon/target/berthd.aot" ]; then
    note aot "no JDK AOT cache: berthd started with the JDK's default CDS archive only"
  elif grep -q 'error.*\[aot\]' "$LOGS/berth.log"; then
    note aot "the JDK AOT cache was refused: $(grep -m1 'aot' "$LOGS/berth.log")"
  else
    note aot "berthd started with the JDK 25 AOT cache trained by bin/berth-train-aot after the build"
  fi
}

bench_idle_memory() {
  log "memory of the idle daemons"
  touch_daemons 5
  record_memory idle
}
