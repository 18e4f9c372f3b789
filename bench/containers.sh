# Container lifecycle measurements. Sourced by run-all.sh; every command is the stock docker CLI, the same
# for both daemons.

bench_run_rm() {
  log "docker run --rm busybox true: $RUNS runs per daemon (+$WARMUP warm-up), interleaved"
  # `docker version` (CLI start + /_ping + /version) is the floor every CLI command pays.
  timer --runs "$RUNS" --warmup "$WARMUP" --prefix "" \
    --case berth   --step run_rm "$(dcmd berth) run --rm busybox true" \
                   --step cli_floor "$(dcmd berth) version --format {{.Server.Version}}" \
    --case dockerd --step run_rm "$(dcmd dockerd) run --rm busybox true" \
                   --step cli_floor "$(dcmd dockerd) version --format {{.Server.Version}}"
  if command -v hyperfine >/dev/null; then
    log "cross-check with hyperfine (not interleaved: all runs of one daemon, then the other)"
    hyperfine -N --runs "$RUNS" --warmup "$WARMUP" --style basic --export-json "$OUT/hyperfine-run-rm.json" \
      -n berth "$(dcmd berth) run --rm busybox true" \
      -n dockerd "$(dcmd dockerd) run --rm busybox true" > "$LOGS/hyperfine-run-rm.txt" 2>&1 || true
    python3 - "$OUT/hyperfine-run-rm.json" "$RESULTS" <<'PY' || true
import json, statistics, sys
data = json.load(open(sys.argv[1]))
with open(sys.argv[2], "a") as out:
    for r in data["results"]:
        xs = [t * 1000 for t in r["times"]]
        out.write("\t".join(["run_rm_hyperfine", r["command"], "%.1f" % statistics.median(xs), "%.1f" % min(xs),
                             "%.1f" % max(xs), str(len(xs)), "0", "ms", ",".join("%.1f" % x for x in xs), ""]) + "\n")
        print("  run_rm_hyperfine %-8s median %.1f ms" % (r["command"], statistics.median(xs)), file=sys.stderr)
PY
  fi
}

# create / start / stop -t 1 / rm, each timed on its own. The container's shell exits on SIGTERM, so `stop`
# measures the engine's stop path; a second, shorter loop uses a plain `sleep` as PID 1, which ignores SIGTERM,
# so `stop -t 1` waits its second and kills (the engine's timeout handling).
bench_lifecycle() {
  log "create/start/stop -t 1/rm: $RUNS runs per daemon, interleaved"
  local d args=()
  for d in "${DAEMONS[@]}"; do
    args+=(--case "$d"
      --step create "$(dcmd "$d") create --name bench-lc-{i} busybox sh -c \"trap 'exit 0' TERM; sleep 300 & wait\""
      --step start "$(dcmd "$d") start bench-lc-{i}"
      --step stop "$(dcmd "$d") stop -t 1 bench-lc-{i}"
      --step rm "$(dcmd "$d") rm bench-lc-{i}"
      --cleanup "$(dcmd "$d") rm -f bench-lc-{i}")
  done
  timer --runs "$RUNS" --warmup "$WARMUP" "${args[@]}"
  local n=$(( RUNS / 3 < 5 ? 5 : RUNS / 3 ))
  log "stop -t 1 of a container that ignores SIGTERM: $n runs per daemon"
  args=()
  for d in "${DAEMONS[@]}"; do
    args+=(--case "$d"
      --step -run "$(dcmd "$d") run -d --name bench-st-{i} busybox sleep 300"
      --step stop_kill "$(dcmd "$d") stop -t 1 bench-st-{i}"
      --cleanup "$(dcmd "$d") rm -f bench-st-{i}")
  done
  timer --runs "$n" --warmup 1 "${args[@]}"
}

bench_exec() {
  log "docker exec <c> true"
  local d out cases=()
  for d in "${DAEMONS[@]}"; do
    dk "$d" run -d --name bench-exec busybox sleep 300 >/dev/null
    if out=$(dk "$d" exec bench-exec true 2>&1); then
      cases+=(--case "$d" --step exec "$(dcmd "$d") exec bench-exec true")
    else
      record_fail exec "$d" ms "\`docker exec bench-exec true\` failed: ${out:-exit status $?}"
      note "failure_exec_$d" "\`docker exec bench-exec true\` → ${out}"
    fi
  done
  [ ${#cases[@]} -gt 0 ] && timer --runs "$RUNS" --warmup "$WARMUP" "${cases[@]}"
  for d in "${DAEMONS[@]}"; do dk "$d" rm -f bench-exec >/dev/null 2>&1 || true; done
}

# concurrent_round DAEMON: CONCURRENT parallel `run -d ... sleep 300`, memory with them running, then
# CONCURRENT parallel `rm -f`. Appends "DAEMON run_ms rm_ms run_failures rm_failures" to concurrent.raw.
concurrent_round() {
  local d=$1 i t0 run_ms rm_ms fr=0 fm=0 pids=() running first="" e_rss e_pss n m_rss m_pss
  t0=$(now_ns)
  for i in $(seq "$CONCURRENT"); do
    dk "$d" run -d --name "bench-par-$i" busybox sleep 300 > "$WORK/par-$d-$i.out" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || { fr=$((fr + 1)); [ -n "$first" ] || first=$(tail -c 300 "$WORK/par-$d-$((i + 1)).out"); }; done
  run_ms=$(ms_since "$t0")
  running=$(dk "$d" ps -q --filter name=bench-par- | wc -l)
  [ -n "$first" ] && note "failure_run_d_$d" "$fr of $CONCURRENT concurrent \`docker run -d busybox sleep 300\` failed, first: $first"
  sleep 3
  read -r e_rss e_pss n m_rss m_pss <<< "$(mem_snapshot "$d")"
  echo "$d $e_rss $e_pss $n $m_rss $m_pss $running" >> "$OUT/memory50.raw"
  pids=(); first=""
  t0=$(now_ns)
  for i in $(seq "$CONCURRENT"); do
    dk "$d" rm -f "bench-par-$i" > "$WORK/rm-$d-$i.out" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || { fm=$((fm + 1)); [ -n "$first" ] || first=$(tail -c 300 "$WORK/rm-$d-$((i + 1)).out"); }; done
  rm_ms=$(ms_since "$t0")
  [ -n "$first" ] && note "failure_rm_f_$d" "$fm of $CONCURRENT concurrent \`docker rm -f\` failed, first: $first"
  # Anything the parallel removal left behind would skew the next round.
  dk "$d" ps -aq --filter name=bench-par- | xargs -r "$DOCKER" -H "unix://$(sock_of "$d")" rm -f >/dev/null 2>&1 || true
  echo "$d $run_ms $rm_ms $fr $fm $running" >> "$OUT/concurrent.raw"
  log "  $d: $CONCURRENT x run -d in ${run_ms} ms ($fr failed, $running running), rm -f in ${rm_ms} ms ($fm failed)"
}

bench_concurrent() {
  local rounds=${BENCH_CONC_ROUNDS:-3} r d order
  log "$CONCURRENT concurrent run -d / rm -f: $rounds rounds, daemon order alternating"
  for r in $(seq "$rounds"); do
    order=("${DAEMONS[@]}"); [ $((r % 2)) -eq 0 ] && order=(dockerd berth)
    for d in "${order[@]}"; do concurrent_round "$d"; sleep 2; done
  done
  for d in "${DAEMONS[@]}"; do
    record_samples run_d_concurrent "$d" ms "$(awk -v d="$d" '$1 == d {print $2}' "$OUT/concurrent.raw" | xargs)" \
      "" "$(awk -v d="$d" '$1 == d {s += $4} END {print s + 0}' "$OUT/concurrent.raw")"
    record_samples rm_f_concurrent "$d" ms "$(awk -v d="$d" '$1 == d {print $3}' "$OUT/concurrent.raw" | xargs)" \
      "" "$(awk -v d="$d" '$1 == d {s += $5} END {print s + 0}' "$OUT/concurrent.raw")"
    # Memory with the containers running: the median round.
    local col name
    for col in 2:rss_engine_50 3:pss_engine_50 5:rss_monitors_50 6:pss_monitors_50; do
      name=${col#*:}
      record_samples "$name" "$d" MiB "$(awk -v d="$d" -v c="${col%%:*}" '$1 == d {printf "%.1f ", $c / 1024}' "$OUT/memory50.raw")"
    done
    record_samples running_50 "$d" count "$(awk -v d="$d" '$1 == d {print $7}' "$OUT/memory50.raw" | xargs)"
    record_samples rss_per_monitor_50 "$d" MiB "$(awk -v d="$d" '$1 == d && $4 > 0 {printf "%.2f ", $5 / $4 / 1024}' "$OUT/memory50.raw")"
    record_samples pss_per_monitor_50 "$d" MiB "$(awk -v d="$d" '$1 == d && $4 > 0 {printf "%.2f ", $6 / $4 / 1024}' "$OUT/memory50.raw")"
    record_samples rss_total_50 "$d" MiB "$(awk -v d="$d" '$1 == d {printf "%.1f ", ($2 + $5) / 1024}' "$OUT/memory50.raw")"
    record_samples pss_total_50 "$d" MiB "$(awk -v d="$d" '$1 == d {printf "%.1f ", ($3 + $6) / 1024}' "$OUT/memory50.raw")"
  done
  log "memory after the concurrent rounds (all containers removed)"
  touch_daemons 5
  record_memory after
}
