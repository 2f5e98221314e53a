"""Open a Word document in LibreOffice, accept all tracked changes, and save its text.

    /usr/bin/python3 tests/lo_accept.py IN.docx OUT.txt

Run with the system Python, which has LibreOffice's ``uno`` module (the project's virtual
environment does not). It starts a headless LibreOffice of its own (a private profile, a pipe of
its own name), so it never touches another instance, and stops it when done. It prints, as one
JSON line, the text of every comment LibreOffice read in the document.

The document is first read without a window (a bare Writer model), because Debian's
``libreoffice-writer-nogui`` ships no Writer dialog files: a view of any document with a comment,
LibreOffice's own files included, needs ``modules/swriter/ui/annotation.ui`` for the comment's
sidebar window, and without it ``soffice.bin`` aborts (an uncaught ``NoSuchElementException``)
and the bridge goes down. The comments, read and reported, are then taken out (they are no part
of the accepted text), the model is kept as OpenDocument, and that is opened in a hidden view,
where "Accept all" runs as in Word.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def _take_out_comments(model: object) -> list[str]:
    """Every comment's text, in the document's order, each removed once read."""
    fields = model.getTextFields().createEnumeration()  # type: ignore[attr-defined]
    comments = []
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            comments.append(field)
    texts = [c.Content for c in comments]
    for comment in comments:
        comment.dispose()
    return texts


def main(source: Path, target: Path) -> int:
    pipe = f"policy-atlas-{uuid.uuid4().hex}"
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        options = ["--headless", "--invisible", "--norestore", "--nologo", f"-env:UserInstallation=file://{profile}"]
        # A new profile makes LibreOffice restart once, which would cut the bridge: make it first.
        subprocess.run(["soffice", *options, "--terminate_after_init"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=False)
        office = subprocess.Popen(
            ["soffice", *options, f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            context = None
            for _ in range(120):
                try:
                    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(0.5)
            if context is None:
                print("LibreOffice did not start", file=sys.stderr)
                return 2
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            model = context.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
            model.load((_property("URL", uno.systemPathToFileUrl(str(source.resolve()))), _property("FilterName", "MS Word 2007 XML")))
            print(json.dumps(_take_out_comments(model)))
            kept = Path(profile) / "kept.odt"
            model.storeToURL(uno.systemPathToFileUrl(str(kept)), (_property("FilterName", "writer8"),))
            model.close(True)
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(kept)), "_blank", 0, (_property("Hidden", True),))
            dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
            dispatcher.executeDispatch(document.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
            document.storeToURL(uno.systemPathToFileUrl(str(target.resolve())), (_property("FilterName", "Text (encoded)"), _property("FilterOptions", "UTF8,LF")))
            document.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes down with the office
            return 0
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
            try:  # soffice is a script that starts soffice.bin: stop the session it leads, which holds both
                os.killpg(office.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
