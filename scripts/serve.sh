#!/usr/bin/env bash
# (Re)start the app in the background on port ${1:-8501}, for screenshots.
port=${1:-8501}
pkill -f "streamlit run app.py --server.port $port" 2>/dev/null
sleep 0.5
cd "$(dirname "$0")/.." && nohup streamlit run app.py --server.port "$port" >/tmp/streamlit-$port.log 2>&1 &
for _ in $(seq 1 40); do curl -fs "http://localhost:$port/_stcore/health" >/dev/null && exit 0; sleep 0.25; done
echo "the app did not start" >&2; exit 1
