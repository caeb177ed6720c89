"""Every public page type is valid HTML, by the Nu HTML Checker (vnu-jar, run with the machine's Java)."""

import json
import os
import shutil
import subprocess

import pytest

from .helpers import ROOT
from .test_accessibility import PUBLIC_PAGES

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.browser


def test_public_pages_are_valid_html(demo_site, client, tmp_path):
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        message = f"The HTML check needs Java and {VNU_JAR.relative_to(ROOT)} ('npm ci')."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    files = []
    for name, path in PUBLIC_PAGES.items():
        response = client.get(path)
        file = tmp_path / (name.replace(" ", "-") + ".html")
        file.write_bytes(response.content)
        files.append(str(file))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True, text=True, timeout=120,
    )
    errors = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stdout)["messages"]
    ]
    assert errors == []
