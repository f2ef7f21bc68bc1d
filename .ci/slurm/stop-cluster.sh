#!/usr/bin/env bash
# Stops the slurmd and slurmctld that start-cluster.sh started (found by their pid files); munged is left running.
set -uo pipefail
state="${HARNESS_SLURM_DIR:-/tmp/entropy-harness-slurm}"
for daemon in slurmd slurmctld; do
  pid_file="$state/$daemon.pid"
  if [ -f "$pid_file" ] && pkill -F "$pid_file" "$daemon"; then
    for _ in $(seq 50); do
      pgrep -F "$pid_file" "$daemon" >/dev/null 2>&1 || break
      sleep 0.1
    done
    echo "slurm: stopped $daemon"
  fi
done
