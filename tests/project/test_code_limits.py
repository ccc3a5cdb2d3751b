"""The apps stay readable: no module over 500 lines, no class over 220, no function over 60.

Migrations and the seed content are data, not code, and are left out.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("requests_app", "content", "site_config")
SKIPPED = ("migrations", "seed")
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 500, 220, 60


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if not SKIPPED_PARTS.intersection(path.relative_to(ROOT).parts):
                yield path


SKIPPED_PARTS = set(SKIPPED)


def too_long(path: Path) -> list[str]:
    source = path.read_text()
    name = path.relative_to(ROOT)
    found = []
    lines = len(source.splitlines())
    if lines > MAX_MODULE:
        found.append(f"{name}: {lines} lines (module limit {MAX_MODULE})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            limit = MAX_CLASS
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            limit = MAX_FUNCTION
        else:
            continue
        length = node.end_lineno - node.lineno + 1
        if length > limit:
            found.append(f"{name}:{node.lineno} {node.name}: {length} lines (limit {limit})")
    return found


def test_no_module_class_or_function_is_over_its_limit():
    found = [line for path in modules() for line in too_long(path)]
    assert not found, "\n".join(found)


def test_the_limits_see_every_app_module():
    names = {p.relative_to(ROOT).as_posix() for p in modules()}
    assert "requests_app/questions.py" in names
    assert {name.split("/")[0] for name in names} == set(PACKAGES)
    assert not any("/migrations/" in n or "/seed/" in n for n in names)
