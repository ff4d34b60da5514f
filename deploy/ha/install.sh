#!/usr/bin/env bash
# Installs what the failover drill needs from Debian's packages: Patroni 3.0 and etcd 3.4 (server and etcdctl).
# Idempotent and non-interactive; services are not started (the drill starts its own, on loopback).
set -euo pipefail
log() { printf '[ha-install] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v patroni >/dev/null || missing+=(patroni)
command -v etcd >/dev/null || missing+=(etcd-server)
command -v etcdctl >/dev/null || missing+=(etcd-client)
# Patroni's etcd3 client module (python3-etcd3) is optional in the package; the drill uses the v2-compatible 'etcd'
# section, served by etcd 3.4 with --enable-v2, which needs python3-etcd.
/usr/bin/python3 -c 'import etcd' 2>/dev/null || missing+=(python3-etcd)
if [ ${#missing[@]} -eq 0 ]; then log "patroni, etcd, etcdctl: present"; exit 0; fi
log "apt-get install ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
log "done"
