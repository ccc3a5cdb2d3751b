"""The lock files pin what pyproject.toml asks for, so `make lock` was run after a change."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.MULTILINE)


def pinned(lock_file: str) -> dict[str, str]:
    text = (ROOT / lock_file).read_text()
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def declared(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return [Requirement(spec) for spec in names]


@pytest.mark.parametrize(
    ("lock_file", "extra"), [("requirements.lock", None), ("requirements-dev.lock", "dev")]
)
def test_every_dependency_is_pinned_in_the_lock_file_within_its_range(lock_file, extra):
    pins = pinned(lock_file)
    stale = [
        f"{req.name}: {pins.get(canonicalize_name(req.name), 'missing')} not {req.specifier}"
        for req in declared(extra)
        if not req.specifier.contains(pins.get(canonicalize_name(req.name), "0"), prereleases=True)
    ]
    assert not stale, f"run `make lock`: {stale}"


def test_every_pin_in_the_lock_files_carries_a_hash():
    for lock_file in ("requirements.lock", "requirements-dev.lock"):
        entries = re.split(r"\n(?=\S)", (ROOT / lock_file).read_text())
        unhashed = [e.split()[0] for e in entries if "==" in e and "--hash=sha256:" not in e]
        assert not unhashed, f"{lock_file}: {unhashed}"
