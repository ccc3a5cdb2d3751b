"""Run wrk (Debian's) and read its figures."""

import re
import subprocess
import tempfile

# Every request asks another question: the URL's query string gets a number no other
# request (of any wrk thread) used, so none is answered from a cache.
EVERY_REQUEST_NEW = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
function request()
  n = n + 1
  return wrk.format(nil, wrk.path .. "+" .. id .. "x" .. n)
end
"""


def wrk(url: str, seconds: int, connections: int, headers: dict, script: str = "") -> dict:
    """requests/s, p50/p99 latency (ms), requests and errors (non-2xx/3xx, socket errors).
    ``script``: Lua that wrk runs (e.g. EVERY_REQUEST_NEW)."""
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script:
            lua.write(script)
            lua.flush()
            cmd += ["-s", lua.name]
        out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout

    def latency(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "requests": int(total.group(1)),
        "errors": (int(non2xx.group(1)) if non2xx else 0)
        + (sum(int(x) for x in sock.groups()) if sock else 0),
    }
