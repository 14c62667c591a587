# Shared by the benchmark scripts (sourced): measure a command's time and peak memory in $work, and a rate.

measure() {  # measure COMMAND... → prints "seconds peak_mb", or "FAILED -" (and the error) when it fails
  if /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
    awk '{printf "%.2f %.0f", $1, $2/1024}' "$work/time"
  else
    echo "FAILED: $*" >&2; tail -3 "$work/err" >&2
    printf 'FAILED -'
  fi
}

per() {  # per COUNT SECONDS → COUNT/SECONDS, 0 when SECONDS is not a figure (a failed step)
  case $2 in ''|*[!0-9.]*) echo 0 ;; *) echo "$1 / $2" | bc -l ;; esac
}
