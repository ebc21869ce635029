"""`billlint server`: a Language Server (LSP over stdio, with pygls) for editors.

It checks a bill when it is opened, changed and saved, publishes the findings as diagnostics, and offers each
fix `--fix` would make (safe fixes only) as a quick-fix code action. The text checked is the editor's, not the
file on disk; config files are found from the document's path as `billlint check` finds them.
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__

_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}

server = LanguageServer("billlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
_fixes: dict[str, list[tuple[types.Diagnostic, types.TextEdit]]] = {}   # uri -> the last check's safe fixes


def _path(uri: str) -> str:
    u = urlparse(uri)
    return unquote(u.path) if u.scheme == "file" else uri


def _position(doc, line: int, column: int) -> types.Position:
    """A finding's 1-based line and code-point column, in the client's units (UTF-16 by default)."""
    from pygls.workspace.position_codec import ServerTextPosition
    return doc.position_to_client_units(ServerTextPosition(max(line - 1, 0), max(column - 1, 0)))


def diagnostics(ls: LanguageServer, uri: str) -> list[types.Diagnostic]:
    from .api import Error, check
    from .formats.sarif import docs_url
    doc = ls.workspace.get_text_document(uri)
    try:
        findings = check(doc.source.encode("utf-8"), filename=_path(uri))
    except Error as e:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"billlint: {e}"))
        return []
    docs = docs_url()
    out, fixes = [], []
    for f in findings:
        start = _position(doc, f.line, f.column)
        end = _position(doc, f.end_line, f.end_column) if f.end_line else start
        where = f"{f.provision}: " if f.provision else ""
        d = types.Diagnostic(
            range=types.Range(start, end), message=where + f.message, severity=_SEVERITY[f.severity],
            code=f.code, source="billlint",
            code_description=types.CodeDescription(f"{docs}#{f.code.lower()}-{f.name}") if docs else None)
        out.append(d)
        if f.fix is not None and f.fix.safe:
            edit = types.TextEdit(types.Range(doc.client_position_at_offset(f.fix.start),
                                              doc.client_position_at_offset(f.fix.end)), f.fix.replacement)
            fixes.append((d, edit))
    _fixes[uri] = fixes
    return out


def _publish(ls: LanguageServer, uri: str, version=None) -> None:
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics(ls, uri), version=version))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    _fixes.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def _overlaps(a: types.Range, b: types.Range) -> bool:
    key = lambda p: (p.line, p.character)  # noqa: E731
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    out = []
    for d, edit in _fixes.get(uri, []):
        if _overlaps(d.range, params.range):
            out.append(types.CodeAction(
                title=f"Fix {d.code}: replace with \"{edit.new_text}\"" if edit.new_text else f"Fix {d.code}: delete",
                kind=types.CodeActionKind.QuickFix, diagnostics=[d], is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return out


def main() -> None:
    import os
    import sys
    server.start_io()
    sys.stdout = open(os.devnull, "w")   # pygls closed the real one at `exit`: nothing more may reach it
