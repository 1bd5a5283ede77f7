"""gunicorn settings for Don't Look Away. The app is stateless: run as many of these as you need."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# One thread a worker: making a plan is Python work, not waiting (the directory is in memory), and a second
# thread only queues behind the first for the interpreter. Measured with make bench's fresh plans on two
# cores: 108 plans/s with one thread, 56 with two.
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
# No access log here: nginx keeps the only one, without addresses. Errors still go to stderr.
accesslog = None
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
