# scaling(): how a command's cost grows with the size of its input (issue 20: "scaling
# checks (time at n and 4n), as cmark does"). Usage: . lib.sh; . scaling_lib.sh
#
# scaling NAME N1 N2 -- command...
#   Runs the command with every "{N}" in its arguments replaced by N1, then by N2 (make the
#   inputs beforehand, e.g. "$T/p{N}.pdf"); each run must exit SCALING_CODE (0). Prints the
#   wall time, the CPU time (user + system, of the command and its children) and the peak
#   memory (RSS) at both sizes, then checks that
#   - the CPU time at N2 is at most SCALING_MAX (5) times the CPU time at N1;
#   - the peak RSS at N2 is at most SCALING_KB (1048576 KB = 1 GiB).
#   CPU time, not wall time: the machine may be shared (ctest -j2, CI, other builds), and the
#   CPU time is the command's own work whatever else runs. Each size runs SCALING_RUNS (2)
#   times and the fastest run counts; a CPU time under 0.05 s counts as 0.05 s (the clock's
#   grain is 0.01 s). The figures are added to $T/scaling.tsv (name, n, wall s, cpu s, rss KB).
#   Needs python3 (the measure) and awk.
scaling() {
  _sc_name=$1; _sc_n1=$2; _sc_n2=$3; shift 4
  _sc_cpu1=; _sc_cpu2=; _sc_rss2=0
  for _sc_n in "$_sc_n1" "$_sc_n2"; do
    _sc_r=0; _sc_best=; _sc_line=
    while [ "$_sc_r" -lt "${SCALING_RUNS:-2}" ]; do
      _sc_r=$((_sc_r + 1))
      if ! _sc_got=$(_scaling_measure "$_sc_n" "$@"); then bad "$_sc_name: cannot measure (python3?)"; return 1; fi
      read -r _sc_rc _sc_wall _sc_cpu _sc_rss <<EOT
$_sc_got
EOT
      if [ "$_sc_rc" != "${SCALING_CODE:-0}" ]; then
        bad "$_sc_name at n=$_sc_n: exit $_sc_rc, wanted ${SCALING_CODE:-0}; stderr: $(head -c 600 "$T/scaling.err")"; return 1
      fi
      if [ -z "$_sc_best" ] || [ "$(awk -v a="$_sc_cpu" -v b="$_sc_best" 'BEGIN { print (a < b) }')" = 1 ]; then
        _sc_best=$_sc_cpu; _sc_line=$_sc_got
      fi
    done
    read -r _sc_rc _sc_wall _sc_cpu _sc_rss <<EOT
$_sc_line
EOT
    printf '%s\t%s\t%s\t%s\t%s\n' "$_sc_name" "$_sc_n" "$_sc_wall" "$_sc_cpu" "$_sc_rss" >>"$T/scaling.tsv"
    echo "  $_sc_name: n=$_sc_n: wall $_sc_wall s, cpu $_sc_cpu s, peak rss $((_sc_rss / 1024)) MB"
    if [ "$_sc_n" = "$_sc_n1" ]; then _sc_cpu1=$_sc_cpu; else _sc_cpu2=$_sc_cpu; _sc_rss2=$_sc_rss; fi
  done
  _sc_ratio=$(awk -v a="$_sc_cpu1" -v b="$_sc_cpu2" 'BEGIN { if (a < 0.05) a = 0.05; if (b < 0.05) b = 0.05; printf "%.2f", b / a }')
  _sc_grow=$(awk -v a="$_sc_n1" -v b="$_sc_n2" 'BEGIN { printf "%g", b / a }')
  if [ "$(awk -v r="$_sc_ratio" -v m="${SCALING_MAX:-5}" 'BEGIN { print (r <= m) }')" != 1 ]; then
    bad "$_sc_name: ${_sc_grow}x the input takes ${_sc_ratio}x the CPU time (at most ${SCALING_MAX:-5}x)"
    return 1
  fi
  if [ "$_sc_rss2" -gt "${SCALING_KB:-1048576}" ]; then
    bad "$_sc_name: peak memory at n=$_sc_n2 is $((_sc_rss2 / 1024)) MB (at most $((${SCALING_KB:-1048576} / 1024)) MB)"
    return 1
  fi
  ok "$_sc_name: ${_sc_grow}x the input, ${_sc_ratio}x the CPU time (at most ${SCALING_MAX:-5}x), peak $((_sc_rss2 / 1024)) MB at n=$_sc_n2"
}

# _scaling_measure N command...: runs the command once with {N} replaced, standard output
# thrown away, standard error in $T/scaling.err; prints "exit-code wall-s cpu-s peak-rss-KB"
# (a signal's exit code is 128 + its number, as the shell's).
_scaling_measure() {
  _sm_n=$1; shift
  python3 -c '
import os, subprocess, sys, time
n, err_path, cmd = sys.argv[1], sys.argv[2], [a.replace("{N}", sys.argv[1]) for a in sys.argv[3:]]
t0 = time.monotonic()
with open(err_path, "wb") as err:
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, close_fds=False)
    _, status, r = os.wait4(p.pid, 0)  # this command alone (what the python process did is not counted)
wall = time.monotonic() - t0
rc = os.waitstatus_to_exitcode(status)
print(rc if rc >= 0 else 128 - rc, "%.2f" % wall, "%.2f" % (r.ru_utime + r.ru_stime), r.ru_maxrss)
' "$_sm_n" "$T/scaling.err" "$@"
}
