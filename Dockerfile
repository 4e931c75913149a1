# The app under gunicorn, static files built in and served by whitenoise. Configuration comes
# only from the environment (see .env.example); docker-compose.yml wires it to PostgreSQL.
FROM python:3.13-slim

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, straight from pyproject.toml, so a code change reuses this layer. The app
# runs from /app, beside its templates and static files, so the project itself is not installed.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .

# Hashed, compressed static files go into the image; the key only lets settings load.
RUN SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q midback exercises routines accounts workouts

# Root owns the code; the app can write only its uploads folder (a volume in Compose).
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin midback \
    && mkdir -p /app/media \
    && chown midback:midback /app/media
USER midback

EXPOSE 8000
# gunicorn takes its worker count from WEB_CONCURRENCY (about 2 x cores + 1).
ENV WEB_CONCURRENCY=3
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
# Timeouts, worker recycling and JSON logs come from gunicorn.conf.py in /app.
CMD ["gunicorn", "midback.wsgi", "--bind", "0.0.0.0:8000"]
