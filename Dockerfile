# The app as `streamlit run app.py` serves it, in one container (one process: a server of its own, or one
# replica of deploy/compose.yaml or deploy/k8s.yaml).
#   docker build -t gd-lecture .
#   docker run --rm -p 8501:8501 gd-lecture        then open http://localhost:8501
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # A server's app does not change under it: no file watcher (it costs CPU in every replica).
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none

WORKDIR /app
# The dependencies first: a change in the code does not reinstall them.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# The code stays owned by root: the app only reads it (it writes no files).
COPY . .
RUN useradd --create-home --uid 10001 app
USER app

EXPOSE 8501
# No curl in the slim image: Python's urllib asks Streamlit's health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
# Headless and the theme come from .streamlit/config.toml, as for `streamlit run app.py`.
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
