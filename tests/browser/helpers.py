"""What the browser tests share: axe-core and the keyboard walk."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, include=None):
    """Run axe-core in the page (evaluated, not a <script> tag, so the CSP allows it), on the whole page or
    only on the elements matching the CSS selectors in `include` (our parts of an admin page)."""
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "([tags, include]) => axe.run(include ? {include: include.map(s => [s])} : document,"
        " {runOnly: {type: 'tag', values: tags}})",
        [WCAG_TAGS, include],
    )
    return [
        f"{v['id']}: {v['help']} at {json.dumps([n['target'] for n in v['nodes']])}"
        for v in result["violations"]
    ]


# Elements a keyboard user must reach; tabindex="-1" ones (the honeypot) are meant to be skipped.
FOCUSABLE = ", ".join(
    f"{selector}:not([tabindex='-1'])"
    for selector in [
        "a[href]", "button:not([disabled])", "input:not([disabled]):not([type=hidden])",
        "select:not([disabled])", "textarea:not([disabled])", "summary", "[tabindex]",
    ]
)


def keyboard_walk(page):
    """Tab through the page; return (elements never reached, reached elements without a visible focus).
    Elements not shown (inside a closed menu or disclosure, or hidden until the page scrolls) are not expected."""
    # A radio group is one Tab stop (arrow keys move within it), so its radios share one id.
    expected = page.evaluate(
        """selector => {
            const ids = new Set(), groups = {};
            [...document.querySelectorAll(selector)]
                .filter(el => el.checkVisibility({visibilityProperty: true}) || el.classList.contains('skip-link'))
                .forEach((el, i) => {
                    const group = el.type === 'radio' ? 'radio:' + el.name : null;
                    const id = group ? (groups[group] ??= i) : i;
                    el.dataset.kbd = id;
                    ids.add(id);
                });
            return [...ids];
        }""",
        FOCUSABLE,
    )
    reached, invisible = set(), []
    page.locator("body").focus()
    for _ in range(len(expected) + 5):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || !el.dataset || el.dataset.kbd === undefined) return null;
                const style = getComputedStyle(el);
                const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || style.boxShadow !== 'none';
                return {id: Number(el.dataset.kbd), visible, text: el.outerHTML.slice(0, 80)};
            }"""
        )
        if info:
            reached.add(info["id"])
            if not info["visible"]:
                invisible.append(info["text"])
    missing = sorted(set(expected) - reached)
    return missing, invisible
