# docker build (classic builder on both daemons: the CLI has no buildx): a 6-step Dockerfile built without the
# cache (--no-cache) and rebuilt with it (every step "Using cache"). Sourced by run-all.sh.
#
# The context is small (a Dockerfile, 2 files, one 1 MiB blob) so that the numbers are the builder's own costs:
# step containers, commits, the cache lookup; not the transfer of a large context.

make_build_context() {
  local dir=$WORK/build-ctx
  mkdir -p "$dir/conf"
  head -c $((1024 * 1024)) /dev/urandom > "$dir/blob.bin"
  printf 'key=value\n' > "$dir/conf/app.conf"
  cat > "$dir/Dockerfile" <<'DOCKERFILE'
FROM busybox:latest
ENV APP_HOME=/app
WORKDIR /app
COPY conf/ ./conf/
COPY blob.bin .
RUN mkdir -p /app/data && echo built > /app/data/stamp && sha1sum blob.bin > blob.sha1
DOCKERFILE
  note build_context "6-step Dockerfile (FROM, ENV, WORKDIR, COPY dir, COPY 1 MiB file, RUN); context $(du -sk "$dir" | cut -f1) KiB"
}

# b_ms VAR CMD...: like t_ms in images.sh, logging to build.log.
b_ms() {
  local __var=$1 t0 rc; shift
  t0=$(now_ns)
  "$@" >> "$LOGS/build.log" 2>&1; rc=$?
  printf -v "$__var" '%s' "$(ms_since "$t0")"
  return $rc
}

bench_build() {
  local d i ms k
  declare -gA S=() F=()
  make_build_context
  log "build: $RUNS_BUILD rounds of uncached and cached builds, daemon order alternating"
  for i in $(seq "$RUNS_BUILD"); do
    local order=("${DAEMONS[@]}"); [ $((i % 2)) -eq 0 ] && order=(dockerd berth)
    for d in "${order[@]}"; do
      if b_ms ms dk "$d" build --no-cache -q -t bench/build:latest "$WORK/build-ctx"; then S[build_nocache_$d]+="$ms "
      else F[build_nocache_$d]=$(( ${F[build_nocache_$d]:-0} + 1 )); fi
      if b_ms ms dk "$d" build -q -t bench/build:latest "$WORK/build-ctx"; then S[build_cached_$d]+="$ms "
      else F[build_cached_$d]=$(( ${F[build_cached_$d]:-0} + 1 )); fi
      # Intermediate images of the uncached build would pile up: drop the dangling ones between rounds.
      dk "$d" image prune -f >/dev/null 2>&1
    done
  done
  for k in build_nocache build_cached; do
    for d in "${DAEMONS[@]}"; do
      if [ -n "${S[${k}_$d]:-}" ]; then
        record_samples "$k" "$d" ms "${S[${k}_$d]}" "" "${F[${k}_$d]:-0}"
      else
        record_fail "$k" "$d" ms "every $k failed; see $LOGS/build.log"
      fi
    done
  done
  for d in "${DAEMONS[@]}"; do dk "$d" rmi -f bench/build:latest >/dev/null 2>&1; done
  rm -rf "$WORK/build-ctx"
}
