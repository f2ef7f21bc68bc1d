#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine (munged, slurmctld, slurmd), or finds it already running.
#
# For tests and trials on a Debian machine where we are root and no systemd runs: the daemons are started by hand,
# track processes by /proc (proctrack/linuxproc, no cgroups), schedule CPUs (select/cons_tres, CR_CPU) and keep no
# accounting database, so jobs are followed with squeue and `scontrol show job`. Idempotent: a second call finds
# the running cluster and returns at once. State, logs and slurm.conf live in $HARNESS_SLURM_DIR
# (default /tmp/entropy-harness-slurm); clients find the cluster with SLURM_CONF=$HARNESS_SLURM_DIR/slurm.conf.
#
# Exit 0 with "slurm: up ..." on stdout when the node takes jobs; otherwise exit 1 with one line on stderr that
# says why ("slurm: cannot start: ..."). Debian packages: slurm-wlm and munge (.ci/run installs them).
set -uo pipefail

state="${HARNESS_SLURM_DIR:-/tmp/entropy-harness-slurm}"
conf="$state/slurm.conf"

fail() {
  echo "slurm: cannot start: $*" >&2
  exit 1
}

for tool in munged munge unmunge slurmctld slurmd sbatch squeue sinfo scontrol; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found; install Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)"
done
node="$(hostname -s)"
[ "$(id -u)" = 0 ] || fail "the daemons are started as root and this is uid $(id -u)"
mkdir -p "$state" || fail "cannot create $state"
export SLURM_CONF="$conf"

# One caller at a time: parallel test runs share the one cluster.
exec 9>"$state/.lock"
flock -w 60 9 || fail "another start has held $state/.lock for 60 s"

node_state() {
  sinfo -h -n "$node" -o %T 2>/dev/null | head -1
}

running() { # daemon name: alive under its pid file
  pgrep -F "$state/$1.pid" "$1" >/dev/null 2>&1
}

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    return 0
  fi
  [ -s /etc/munge/munge.key ] || fail "/etc/munge/munge.key is missing; reinstall munge or run mungekey"
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  chmod 0755 /run/munge
  runuser -u munge -- munged >/dev/null 2>"$state/munged.err" 9>&- || fail "munged did not start: $(tail -1 "$state/munged.err")"
  for _ in $(seq 50); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "munged started but munge -n | unmunge fails; see /var/log/munge/munged.log"
}

# Writes slurm.conf; returns 0 when it changed (the running daemons then have the old one).
write_conf() {
  mkdir -p "$state/ctld" "$state/slurmd" "$state/log"
  cat >"$conf.new" <<CONF
# Written by .ci/slurm/start-cluster.sh: one node, this machine.
ClusterName=harness
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=6817
SlurmdPort=6818
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/slurmd
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=3600
SlurmdTimeout=60
InactiveLimit=0
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=harness Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
  if cmp -s "$conf.new" "$conf"; then
    rm -f "$conf.new"
    return 1
  fi
  mv "$conf.new" "$conf"
}

start_daemon() { # name, then the command
  local name="$1"
  shift
  # 9>&-: a daemon that inherited the lock would hold it for its whole life.
  "$@" >"$state/log/$name.start" 2>&1 9>&- || fail "$name did not start: $(tail -1 "$state/log/$name.start"); see $state/log/$name.log"
}

how="already running"
start_munge
if write_conf; then
  for daemon in slurmd slurmctld; do
    pkill -F "$state/$daemon.pid" "$daemon" 2>/dev/null
  done
  for _ in $(seq 50); do
    running slurmd || running slurmctld || break
    sleep 0.1
  done
  how=started
fi
running slurmctld || { start_daemon slurmctld slurmctld -f "$conf"; how=started; }
running slurmd || { start_daemon slurmd slurmd -f "$conf"; how=started; }

for _ in $(seq 150); do
  s="$(node_state)"
  if [[ "$s" =~ ^(idle|mixed|allocated|completing) ]]; then
    echo "slurm: up ($how), node $node ($(nproc) CPUs) in partition harness, SLURM_CONF=$conf"
    exit 0
  fi
  sleep 0.2
done
reason="$(scontrol show node "$node" 2>/dev/null | grep -o 'Reason=.*' | head -1)"
fail "node $node is '${s:-unknown}' after 30 s${reason:+ ($reason)}; see $state/log/slurmctld.log and slurmd.log"
