"""A headless Chromium driven through selenium, for the review page's tests and the README's screenshot.

Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium chromium-driver``)
and the ``selenium`` package (in the test extras) are needed; :func:`start_browser`
returns None with the reason when one is missing, so a test can skip with a message.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

# The system browser and its driver (Debian's paths; CHROMIUM / CHROMEDRIVER override them).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") or ""
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"


def start_browser(width: int = 1400, height: int = 1000) -> tuple[Any, str]:
    """Returns ``(driver, "")``, or ``(None, why)`` when the browser cannot be started."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None, "selenium is not installed (pip install -e '.[test]')"
    if not CHROMIUM or not os.path.exists(CHROMEDRIVER):
        return None, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception as err:  # noqa: BLE001 - any start failure means: skip, and say why
        return None, f"chromium did not start: {str(err).splitlines()[0] if str(err) else type(err).__name__}"
    return driver, ""
