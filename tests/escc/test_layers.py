"""The import contract in pyproject.toml holds on the code, and fails the moment someone imports upwards.

Layers, top down: home, the feature apps (projects | funding | livinglab, independent of each
other except through their `interface` modules), members, messaging, escc. The failing cases
run lint-imports on a copy of the apps with one back-import added.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["home", "projects", "funding", "livinglab", "members", "messaging", "escc"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)},
        timeout=120,
    )


@pytest.fixture
def copy_of_the_apps(tmp_path):
    for app in APPS:
        shutil.copytree(
            ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__", "templates", "migrations")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_the_layers():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "back_import"),
    [
        ("escc/_probe.py", "import members.models"),
        ("messaging/_probe.py", "from members.models import Organisation"),
        ("members/_probe.py", "import projects.models"),
        ("funding/_probe.py", "from projects.models import Project"),
        ("projects/_probe.py", "import funding.models"),
        ("livinglab/_probe.py", "import projects.models"),
        ("projects/_probe.py", "import home.views"),
    ],
)
def test_an_import_against_the_layers_breaks_the_contract(copy_of_the_apps, module, back_import):
    (copy_of_the_apps / module).write_text(back_import + "\n")

    result = lint_imports(copy_of_the_apps)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    probe = module.removesuffix(".py").replace("/", ".")
    assert probe in result.stdout


def test_the_copy_without_a_probe_keeps_the_layers(copy_of_the_apps):
    # So the failures above come from the probe, not from the copying.
    assert lint_imports(copy_of_the_apps).returncode == 0
