"""Browser tests: headless Debian Chromium driven by Playwright against pytest-django's live_server.

Run them with DJANGO_ALLOW_ASYNC_UNSAFE=true (the Makefile's test target sets it): Playwright's
sync API runs an event loop, and Django refuses database access from inside one without it.
Add `--screenshot only-on-failure` (and `--tracing retain-on-failure`) to keep evidence of a
failure in test-results/.
"""

from pathlib import Path

import pytest

# Debian's wrapper script /usr/bin/chromium prints a shell warning; the binary behind it does not.
CHROMIUM_CANDIDATES = [Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium")]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Never `playwright install`: it downloads a browser, which this machine cannot do.
    executable = next((path for path in CHROMIUM_CANDIDATES if path.exists()), None)
    assert executable, f"No Chromium at {[str(p) for p in CHROMIUM_CANDIDATES]}: apt-get install chromium"
    return {**browser_type_launch_args, "executable_path": str(executable), "headless": True, "args": CHROMIUM_ARGS}
