"""What both demo journeys (journey.py, booking.py) share: development tokens, JSON calls through the gateway,
waiting for what happens asynchronously, and the numbered, readable output. Python standard library only."""
import json, os, subprocess, sys, time, urllib.error, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
_settings = {"gateway": "http://127.0.0.1:8080", "failure": "", "wait_seconds": 60}
_step_no = 0


def use(gateway, failure_prefix="", wait_seconds=60):
    """The gateway to call, the words before a failure, and how long waits last unless told otherwise."""
    _settings.update(gateway=gateway, failure=failure_prefix, wait_seconds=wait_seconds)


class Unavailable(Exception):
    """The gateway found no instance of a service: transient while one restarts, so waits retry it."""


sys.excepthook = lambda kind, value, trace: fail(str(value)) if kind is Unavailable else sys.__excepthook__(kind, value, trace)


def token(role, subject, *claims):
    out = subprocess.run(["java", "-cp", "platform/testing/target/classes", "vn.motcua.testing.DevTokens", role, subject,
                          *claims], capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip()


def call(method, path, tok=None, body=None, headers=None, base=None, expect=(200, 201)):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request((base or _settings["gateway"]) + path, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if tok:
        request.add_header("Authorization", "Bearer " + tok)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as e:
        text, status = e.read().decode(), e.code
    except OSError as e:
        fail(f"{method} {path}: {e} — is the stack up? (./motcua up)")
    if status not in expect:
        if status in (502, 503, 504):
            raise Unavailable(f"{method} {path} answered {status}: {text[:400]}")
        fail(f"{method} {path} answered {status}, expected {'/'.join(map(str, expect))}: {text[:400]}")
    return json.loads(text) if text and text.lstrip().startswith(("{", "[")) else text


def wait(what, probe, seconds=None):
    seconds = seconds or _settings["wait_seconds"]
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            value = probe()
        except Unavailable:
            value = None
        if value:
            return value
        time.sleep(0.5)
    fail(f"timed out after {seconds} s waiting for: {what}")


def fail(message):
    print(f"\n✗ {_settings['failure']}{message}", file=sys.stderr)
    sys.exit(1)


def step(text):
    global _step_no
    _step_no += 1
    print(f"\n{_step_no:>2}. {text}", flush=True)


def show(text):
    print(f"    {text}", flush=True)
