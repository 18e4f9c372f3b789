# Network setup cost: `run --rm --network none busybox true` against the same on the default bridge.
# Sourced by run-all.sh.

bench_network() {
  local d out
  log "network: checking that the default bridge really attaches"
  for d in "${DAEMONS[@]}"; do
    out=$(dk "$d" run --rm busybox ip -o -4 addr show 2>&1 | awk '{print $2, $4}' | xargs)
    note "net_bridge_$d" "$out"
    out=$(dk "$d" run --rm --network none busybox ip -o link show 2>&1 | awk -F': ' '{print $2}' | xargs)
    note "net_none_$d" "$out"
  done
  log "network: run --rm with --network none and with the default bridge: $RUNS runs each, interleaved"
  local args=()
  for d in "${DAEMONS[@]}"; do
    args+=(--case "$d"
      --step run_rm_none "$(dcmd "$d") run --rm --network none busybox true"
      --step run_rm_bridge "$(dcmd "$d") run --rm busybox true")
  done
  timer --runs "$RUNS" --warmup "$WARMUP" "${args[@]}"
}
