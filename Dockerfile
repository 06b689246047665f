# The portal's production image: gunicorn by default; compose runs the same image as the
# Celery worker, beat and the one-off migration. The README's "Building the image" lists these
# RUN steps (a test keeps the two in step).
FROM python:3.11-slim-bookworm

# PYTHONPATH: the code runs from /app, next to its templates, static files and translations.
# DEBUG=false: the image is production unless told otherwise, so it refuses to start without a
# real SECRET_KEY and ALLOWED_HOSTS.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DEBUG=false

WORKDIR /app

# pyproject.toml alone first: with no package directories beside it, `pip install .` installs
# just the pinned production dependencies, and a code change reuses this layer.
COPY pyproject.toml ./
RUN pip install --no-cache-dir .

COPY . .
# Production settings refuse to load without a key and hosts; these throwaway values never
# leave the build. Translations need no step: the compiled .mo files are committed.
RUN DEBUG=false SECRET_KEY=build-only-collectstatic-key-not-a-secret-never-used-at-runtime ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 python manage.py collectstatic --noinput
# The code stays root-owned and read-only to the app; only uploads are writable.
RUN useradd --create-home --uid 10001 escc && mkdir -p var/media && chown escc:escc var/media

USER escc
EXPOSE 8000
CMD ["gunicorn", "-c", "escc/gunicorn.conf.py", "escc.wsgi"]
