#!/usr/bin/env bash
# The compose topology on one machine, without Docker: N `streamlit run app.py` replicas on 127.0.0.1 and
# Debian's nginx in front of them with sticky sessions (deploy/nginx-proxy.conf), listening on PORT.
#
#   deploy/local.sh N PORT               run in the foreground until stopped (Ctrl-C, or SIGTERM);
#                                        stopping it stops the replicas and nginx, and removes its temp dir
#   deploy/local.sh --config N PORT DIR  only write the nginx config (DIR/nginx.conf) and exit
#
# The replicas listen on consecutive ports from REPLICA_PORT (default PORT+10): for `3 8690`, 8700-8702.
# nginx runs as a child (daemon off) with its config, pid, logs and temp files in a temp dir: no system
# path is written. Logs: the temp dir's replica-<port>.log, access.log (with the replica of each request).
# If one child exits, the others are stopped and the script exits non-zero.
set -euo pipefail

usage() {
    echo "usage: $0 N PORT    (or: $0 --config N PORT DIR)" >&2
    exit 2
}

config_only=""
if [ "${1:-}" = "--config" ]; then
    config_only=1
    shift
    [ $# -eq 3 ] || usage
    out_dir=$3
else
    [ $# -eq 2 ] || usage
fi
n=$1
port=$2
[[ "$n" =~ ^[1-9][0-9]*$ ]] && [ "$n" -le 32 ] || { echo "N must be 1 to 32, not '$n'" >&2; exit 2; }
[[ "$port" =~ ^[1-9][0-9]*$ ]] && [ "$port" -lt 65536 ] || { echo "PORT must be a TCP port, not '$port'" >&2; exit 2; }
first=${REPLICA_PORT:-$((port + 10))}
[[ "$first" =~ ^[1-9][0-9]*$ ]] && [ $((first + n - 1)) -lt 65536 ] || { echo "bad REPLICA_PORT '$first'" >&2; exit 2; }
if [ "$port" -ge "$first" ] && [ "$port" -lt $((first + n)) ]; then
    echo "PORT $port is one of the replicas' ports ($first-$((first + n - 1))): set REPLICA_PORT" >&2
    exit 2
fi

NGINX=${NGINX:-$(command -v nginx || true)}
[ -n "$NGINX" ] || NGINX=/usr/sbin/nginx  # not on a normal user's PATH on Debian
if [ ! -x "$NGINX" ]; then
    echo "nginx is not installed: on Debian or Ubuntu, apt-get install nginx (or set NGINX=/path/to/nginx)" >&2
    exit 1
fi
PYTHON=${PYTHON:-python3}
root=$(cd "$(dirname "$0")/.." && pwd)

write_config() {  # write_config DIR: nginx.conf and the shared part, with every path inside DIR
    local dir=$1 p
    mkdir -p "$dir/temp"
    cp "$root/deploy/nginx-proxy.conf" "$dir/nginx-proxy.conf"
    {
        cat <<EOF
# Written by deploy/local.sh: $n replicas on 127.0.0.1:$first-$((first + n - 1)), nginx on 127.0.0.1:$port.
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
lock_file $dir/nginx.lock;
error_log stderr warn;

events {
    worker_connections 4096;
}

http {
    log_format gd '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
                  'replica=\$upstream_addr key=\$gd_replica_key \$request_time';
    access_log $dir/access.log gd;
    client_body_temp_path $dir/temp/client_body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;

    include $dir/nginx-proxy.conf;

    upstream streamlit {
        # Not consistent hashing: an even share of the browsers (see deploy/nginx.conf).
        hash \$gd_replica_key;
EOF
        for ((p = first; p < first + n; p++)); do
            echo "        server 127.0.0.1:$p;"
        done
        cat <<EOF
        keepalive 16;
    }

    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://streamlit;
        }
    }
}
EOF
    } >"$dir/nginx.conf"
}

if [ -n "$config_only" ]; then
    write_config "$out_dir"
    echo "$out_dir/nginx.conf"
    exit 0
fi

port_free() {  # true if nothing listens on 127.0.0.1:$1
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for p in "$port" $(seq "$first" $((first + n - 1))); do
    port_free "$p" || { echo "port $p is in use" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/gd-deploy.XXXXXX")
# nginx's workers drop root for `nobody` when it is started as root: they must reach the temp files.
chmod 755 "$work"
pids=()
stopping=""

stop_all() {
    [ -z "$stopping" ] || return 0
    stopping=1
    trap - EXIT INT TERM
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for _ in $(seq 1 100); do  # up to 10 s, then kill what is left
        local alive=""
        for pid in "${pids[@]}"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        [ -n "$alive" ] || break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [ -n "${KEEP_LOGS:-}" ]; then
        echo "logs kept in $work" >&2
    else
        rm -rf "$work"
    fi
    echo "stopped" >&2
}
trap 'stop_all' EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

write_config "$work"
if ! "$NGINX" -t -q -p "$work" -c "$work/nginx.conf"; then
    echo "nginx refused the config $work/nginx.conf" >&2
    exit 1
fi

cd "$root"
for ((p = first; p < first + n; p++)); do
    # No file watcher: a server's app does not change under it (and watching costs CPU in every replica).
    "$PYTHON" -m streamlit run app.py --server.address 127.0.0.1 --server.port "$p" --server.headless true \
        --server.fileWatcherType none --browser.gatherUsageStats false >"$work/replica-$p.log" 2>&1 &
    pids+=($!)
done

healthy() {  # healthy PORT: /_stcore/health answers ok
    "$PYTHON" -c "import sys, urllib.request
try:
    ok = urllib.request.urlopen('http://127.0.0.1:$1/_stcore/health', timeout=2).read().strip() == b'ok'
except OSError:
    ok = False
sys.exit(0 if ok else 1)"
}
for ((i = 0; i < n; i++)); do
    p=$((first + i))
    for t in $(seq 1 240); do  # up to 60 s
        healthy "$p" && break
        if ! kill -0 "${pids[$i]}" 2>/dev/null; then
            echo "replica on port $p exited:" >&2
            tail -n 20 "$work/replica-$p.log" >&2
            exit 1
        fi
        [ "$t" -lt 240 ] || { echo "replica on port $p did not get healthy in 60 s" >&2; exit 1; }
        sleep 0.25
    done
done

"$NGINX" -p "$work" -c "$work/nginx.conf" &
pids+=($!)
for t in $(seq 1 50); do
    port_free "$port" || break
    kill -0 "${pids[$n]}" 2>/dev/null || { echo "nginx exited" >&2; exit 1; }
    [ "$t" -lt 50 ] || { echo "nginx does not listen on $port" >&2; exit 1; }
    sleep 0.1
done
echo "$n replicas on 127.0.0.1:$first-$((first + n - 1)), nginx on http://127.0.0.1:$port (logs: $work); Ctrl-C stops" >&2

# Until stopped, or until one child exits (then stop the others and fail).
set +e
wait -n "${pids[@]}"
status=$?
set -e
[ -n "$stopping" ] || echo "a child exited (status $status): stopping the others" >&2
exit 1
