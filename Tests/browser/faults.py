"""Faults planted in copies of a real page: the checks must report each one, in its category.
Each fault changes a page in one place; if that place is gone (the page changed), planting
fails loudly rather than testing nothing."""
import json
import re


def replace_once(html, old, new, count=1):
    if old not in html:
        raise AssertionError(f"cannot plant the fault: {old[:80]!r} is not in the page")
    return html.replace(old, new, count)


def no_arrowhead(html):
    """One wire of the wide forward diagram loses its marker."""
    return replace_once(html, ' marker-end="url(#forward-wide-arrow)"', "")


def text_overflows(html):
    """A box's title grows past its box."""
    return replace_once(html, ">forget gate σ</text>", ">forget gate σ, which decides what to keep</text>")


def forward_label_in_backward(html):
    """The backward diagrams show h_t where they should show dh_t."""
    html = replace_once(html, 'data-key="dh" data-slot="unit"', 'data-key="h" data-slot="unit"', -1)
    return replace_once(html, '<tspan class="sym">dh<tspan dy="4" font-size="11.2">t</tspan>',
                        '<tspan class="sym">h<tspan dy="4" font-size="11.2">t</tspan>', -1)


def wrong_number(trace):
    """One number of the embedded trace is off by 0.01."""
    def plant(html):
        true = trace["forward"][1]["f"][1]
        return replace_once(html, json.dumps(true), json.dumps(true + 0.01))
    return plant


def sum_does_not_match(html):
    """The arithmetic's terms are 1 % too large, so they no longer add up to the pre-activation."""
    return replace_once(html, "exact: W[j][k] * zk,", "exact: W[j][k] * zk * 1.01,")


def throws(html):
    return replace_once(html, "</body>", "<script>throw new Error('planted');</script></body>")


def scrolls_sideways(html):
    """A control wider than a phone."""
    return replace_once(html, "</style>", "#controls { min-width: 700px; }\n</style>")


def tiny_text(html):
    """The diagram's numbers at 7 px."""
    return replace_once(html, "</style>", ".cell-diagram .val { font-size: 7px; }\n</style>")


def backward_not_reversed(html):
    """The backward diagrams draw their wires the forward way round: arrows that lie about the flow."""
    forward = dict(re.findall(r'<path class="wire" data-wire="([^"]+)" d="([^"]+)" marker-end="url\(#forward-wide-arrow\)"', html))
    assert forward, "cannot plant the fault: no forward wires"

    def swap(m):
        return f'<path class="wire" data-wire="{m.group(1)}" d="{forward[m.group(1)]}" marker-end="url(#backward-wide-arrow)"'
    out = re.sub(r'<path class="wire" data-wire="([^"]+)" d="([^"]+)" marker-end="url\(#backward-wide-arrow\)"', swap, html)
    assert out != html
    return out


def o_after_the_product(html):
    """The issue's wiring fault: o's wire joins the line after the ⊙, straight into h_t."""
    return replace_once(html, 'data-wire="o-mulO"', 'data-wire="o-h"', -1)


def wrong_tooltip(html):
    return replace_once(html, 'first.appendChild(make("span", "exact", exact(v)));',
                        'first.appendChild(make("span", "exact", exact(v === null ? v : v + 1e-3)));')


def slow(html):
    """A page that takes 1.5 s to draw."""
    return replace_once(html, "summary();\nsetupCharacters();",
                        "var __start = performance.now(); while (performance.now() - __start < 1500) {}\nsummary();\nsetupCharacters();")


def unmarked_target(html):
    return replace_once(html, '"bar-row" + (k === target ? " target" : "")', '"bar-row"')


def fetches_an_image(html):
    """An image beside the page: the page no longer stands alone."""
    return replace_once(html, "<main>", '<main><img src="beside-the-page.png" alt="">')


def exponent_too_late(html):
    """Scientific notation only below 1e-4: 0.0009617 instead of 9.617×10⁻⁴."""
    return replace_once(html, "if (exponent < -3 || exponent >= DIGITS)", "if (exponent < -4 || exponent >= DIGITS)")


def both_diagrams(html):
    """The narrow drawing shows beside the wide one."""
    return replace_once(html, "</style>", '#diagram svg[data-layout="narrow"] { display: block !important; }\n</style>')


def fragment_ignored(html):
    """The page ignores the step in its URL."""
    return replace_once(html, 'if (p[0] === "t") out.t = parseInt(v, 10);', 'if (p[0] === "t") out.t = 1;')


def summary_clipped(html):
    """The model's summary may not wrap, and is cut off at the edge of a phone."""
    return replace_once(html, "</style>", "#summary { white-space: nowrap; overflow: hidden; }\n</style>")


# (name, what the checks must report, the page, the width, the pass, the fault)
def none_past_the_ends(html):
    """The old words: "none" before step 1, where h_0 and C_0 stand, and after step T."""
    return replace_once(html, 't < 1 ? "h₀, C₀" : "end"', '"none"')


def faults(step_trace):
    return [
        ("a wire without arrowhead", "arrows", "step", 1400, "forward", no_arrowhead),
        ("a text overflowing its box", "overflow", "step", 1400, "forward", text_overflows),
        ("a forward label in backward mode", "labels", "step", 400, "backward", forward_label_in_backward),
        ("a wrong number", "numbers", "step", 1400, "forward", wrong_number(step_trace)),
        ("a formula sum that does not match", "formula", "step", 1400, "forward", sum_does_not_match),
        ("a page that throws", "errors", "step", 1400, "forward", throws),
        ("a page that scrolls sideways at 400 px", "sideways", "step", 400, "forward", scrolls_sideways),
        ("text under 10 px at 400 px", "small-text", "step", 400, "forward", tiny_text),
        ("backward arrows pointing forward", "direction", "step", 1400, "backward", backward_not_reversed),
        ("o wired past its ⊙", "wiring", "step", 1400, "forward", o_after_the_product),
        ("a tooltip with the wrong value", "tooltip", "step", 1400, "forward", wrong_tooltip),
        ("a target bar not marked", "characters", "softmax", 1400, "forward", unmarked_target),
        ("a page slower than 1 s", "load-time", "notebook", 1400, "forward", slow),
        ("a page that fetches a file", "fetch", "step", 1400, "forward", fetches_an_image),
        ("a number format that differs from Swift's", "format", "step", 1400, "forward", exponent_too_late),
        ("two diagrams at once", "diagram", "step", 1400, "forward", both_diagrams),
        ("a page that ignores its URL", "url", "step", 1400, "forward", fragment_ignored),
        ("a summary clipped at 400 px", "html-overflow", "notebook", 400, "forward", summary_clipped),
        ("'none' beside the initial state", "neighbours", "tiny", 1400, "backward", none_past_the_ends),
    ]
