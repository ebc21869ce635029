"""`billlint server`: a real LSP session over stdio (JSON-RPC with Content-Length framing, as an editor speaks)."""

import json
import subprocess
import sys

import pytest
from helpers import bill

pytest.importorskip("pygls")

SLIP = bill('<section id="s1"><enum>1.</enum><header>Report</header><text>The Secretary shall submit to the the '
            'Committee a report.</text></section>')


class Client:
    def __init__(self, cwd):
        self.proc = subprocess.Popen([sys.executable, "-m", "billlint", "server"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 0

    def send(self, method, params, request=True):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            assert line, "the server closed its output"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def wait_for(self, pred):
        for _ in range(50):
            msg = self.read()
            if pred(msg):
                return msg
        raise AssertionError("no such message")

    def request(self, method, params):
        i = self.send(method, params)
        return self.wait_for(lambda m: m.get("id") == i and "method" not in m)["result"]

    def diagnostics(self, uri):
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri)["params"]["diagnostics"]


def apply(text, edit):
    lines = text.splitlines(keepends=True)
    def offset(p):
        return sum(len(x) for x in lines[:p["line"]]) + p["character"]
    r = edit["range"]
    return text[:offset(r["start"])] + edit["newText"] + text[offset(r["end"]):]


def test_diagnostics_and_a_code_action_over_stdio(tmp_path):
    (tmp_path / "billlint.toml").write_text('ignore = ["BL003"]\n')
    path = tmp_path / "draft bill.xml"
    path.write_text(SLIP)
    uri = path.as_uri()
    c = Client(tmp_path)
    try:
        init = c.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        assert init["capabilities"]["codeActionProvider"]
        c.send("initialized", {}, request=False)
        c.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "xml", "version": 1,
                                                         "text": SLIP}}, request=False)
        diags = c.diagnostics(uri)
        assert [(d["code"], d["severity"], d["source"]) for d in diags] == [("BL402", 2, "billlint")]
        d = diags[0]
        line = SLIP.splitlines()[d["range"]["start"]["line"]]
        assert line[d["range"]["start"]["character"]:d["range"]["end"]["character"]] == "the the"

        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d["range"],
                                                        "context": {"diagnostics": [d]}})
        assert len(actions) == 1 and actions[0]["kind"] == "quickfix"
        (edit,) = actions[0]["edit"]["changes"][uri]
        fixed = apply(SLIP, edit)
        assert "submit to the Committee" in fixed and fixed.replace("submit to the Committee",
                                                                    "submit to the the Committee") == SLIP

        c.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                          "contentChanges": [{"text": fixed}]}, request=False)
        assert c.diagnostics(uri) == []
        c.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                          "contentChanges": [{"text": SLIP}]}, request=False)
        assert [x["code"] for x in c.diagnostics(uri)] == ["BL402"]
        c.send("textDocument/didSave", {"textDocument": {"uri": uri}}, request=False)
        assert [x["code"] for x in c.diagnostics(uri)] == ["BL402"]
        assert path.read_text() == SLIP          # the server never writes the file
        c.request("shutdown", None)
        c.send("exit", None, request=False)
        assert c.proc.wait(timeout=30) == 0
    finally:
        if c.proc.poll() is None:
            c.proc.kill()
        c.proc.stdout.close()
        c.proc.stdin.close()
