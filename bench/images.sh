# Image transfer: save / load of a ~100 MB image, push / pull of it through a local docker-registry.
# Sourced by run-all.sh.
#
# Each iteration pushes into a registry started fresh on an empty storage dir, so neither daemon can skip the
# upload (blob already there) or mount it from a repository it pushed to before; before each load and pull the
# image is removed, so its layer really travels.

make_big_image_tar() {
  local dir=$WORK/rootfs-big
  make_rootfs "$dir"
  mkdir -p "$dir/data"
  head -c "$((BIG_MB * 1024 * 1024))" /dev/urandom > "$dir/data/random.bin"
  tar -C "$dir" -cf "$WORK/big.tar" .
  rm -rf "$dir"
  note big_image "rootfs tar of busybox + ${BIG_MB} MiB from /dev/urandom: $(du -m "$WORK/big.tar" | cut -f1) MB, one layer"
}

# t_ms VAR CMD...: runs CMD (output to the log), stores its wall time in ms in VAR; returns CMD's status.
t_ms() {
  local __var=$1 t0 rc; shift
  t0=$(now_ns)
  "$@" >> "$LOGS/images.log" 2>&1; rc=$?
  printf -v "$__var" '%s' "$(ms_since "$t0")"
  return $rc
}

image_id() { dk "$1" image inspect --format '{{.Id}}' "$2" 2>/dev/null; }

image_round() { # DAEMON ITERATION
  local d=$1 i=$2 ms id0 id repo
  id0=$(image_id "$d" bench/big:latest)
  if t_ms ms dk "$d" save -o "$WORK/save-$d.tar" bench/big:latest; then S[save_$d]+="$ms "; else F[save_$d]=$(( ${F[save_$d]:-0} + 1 )); fi
  [ "$i" = 1 ] && note "save_size_$d" "$(du -m "$WORK/save-$d.tar" | cut -f1) MB"
  dk "$d" rmi -f bench/big:latest >/dev/null 2>&1
  if t_ms ms dk "$d" load -i "$WORK/save-$d.tar"; then S[load_$d]+="$ms "; else F[load_$d]=$(( ${F[load_$d]:-0} + 1 ))
    dk "$d" import -c 'CMD ["sh"]' "$WORK/big.tar" bench/big:latest >/dev/null; fi
  id=$(image_id "$d" bench/big:latest)
  [ "$id" = "$id0" ] || note "image_id_load_$d" "load gave $id, saved image was $id0"

  start_registry "$WORK/registry-$d-$i"
  repo=127.0.0.1:$REGISTRY_PORT/bench/big-$d
  dk "$d" tag bench/big:latest "$repo:$i"
  if t_ms ms dk "$d" push "$repo:$i"; then S[push_$d]+="$ms "; else F[push_$d]=$(( ${F[push_$d]:-0} + 1 )); fi
  [ "$i" = 1 ] && note "push_size_$d" "registry storage after the push: $(du -sm "$WORK/registry-$d-$i/storage" | cut -f1) MB"
  dk "$d" rmi -f "$id0" >/dev/null 2>&1 || dk "$d" rmi -f bench/big:latest "$repo:$i" >/dev/null 2>&1
  if t_ms ms dk "$d" pull "$repo:$i"; then S[pull_$d]+="$ms "; else F[pull_$d]=$(( ${F[pull_$d]:-0} + 1 )); fi
  id=$(image_id "$d" "$repo:$i")
  [ "$id" = "$id0" ] || note "image_id_pull_$d" "pull gave '${id}', pushed image was $id0"
  if [ -n "$id" ]; then
    dk "$d" tag "$repo:$i" bench/big:latest; dk "$d" rmi "$repo:$i" >/dev/null
  else
    dk "$d" import -c 'CMD ["sh"]' "$WORK/big.tar" bench/big:latest >/dev/null
  fi
  stop_registry
  rm -rf "$WORK/registry-$d-$i"
}

bench_images() {
  local d i ms k
  declare -gA S=() F=()
  log "images: building a ${BIG_MB} MiB image"
  make_big_image_tar
  for d in "${DAEMONS[@]}"; do
    if t_ms ms dk "$d" import -c 'CMD ["sh"]' "$WORK/big.tar" bench/big:latest; then S[import_$d]+="$ms "
    else die "import of the big image into $d failed (log: $LOGS/images.log)"; fi
  done
  log "images: save / load / push / pull, $IMAGE_RUNS rounds, daemon order alternating"
  for i in $(seq "$IMAGE_RUNS"); do
    local order=("${DAEMONS[@]}"); [ $((i % 2)) -eq 0 ] && order=(dockerd berth)
    for d in "${order[@]}"; do image_round "$d" "$i"; done
    log "  round $i/$IMAGE_RUNS done"
  done
  for k in save load push pull; do
    for d in "${DAEMONS[@]}"; do
      if [ -n "${S[${k}_$d]:-}" ]; then
        record_samples "$k" "$d" ms "${S[${k}_$d]}" "" "${F[${k}_$d]:-0}"
      else
        record_fail "$k" "$d" ms "every $k failed; see $LOGS/images.log"
      fi
    done
  done
  for d in "${DAEMONS[@]}"; do record_samples import_big "$d" ms "${S[import_$d]}"; done
  rm -f "$WORK"/save-*.tar "$WORK/big.tar"
}
