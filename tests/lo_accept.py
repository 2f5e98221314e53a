"""Open a Word document in LibreOffice, accept all tracked changes, and save its text.

    /usr/bin/python3 tests/lo_accept.py IN.docx OUT.txt

Run with the system Python, which has LibreOffice's ``uno`` module (the project's virtual
environment does not). It starts a headless LibreOffice of its own (a private profile, a pipe of
its own name), so it never touches another instance, and stops it when done.
"""

from __future__ import annotations

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
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(source.resolve())), "_blank", 0, (_property("Hidden", True),))
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
