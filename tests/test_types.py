"""The package type-checks under mypy --strict (settings in pyproject.toml): a gate that only ratchets up."""

from __future__ import annotations

import subprocess
import sys

from factories import REPO


def test_the_package_passes_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
