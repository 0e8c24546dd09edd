"""PyYAML's error messages in the editors' words.

PyYAML explains a syntax error in English and in its parser's terms ("expected <block end>").
The slips editors make give a handful of them: those are said again in Chinese; any other
keeps PyYAML's words, so that nothing it reported is lost.
"""

from __future__ import annotations

import re

import yaml

# PyYAML's names of what it found, where they are not the characters typed.
TOKENS = {
    "<stream end>": "末尾",
    "?": "字段",
    "<block mapping start>": "字段",
    "<block sequence start>": "列表",
    "<block end>": "缩进减少的一行",
    "<scalar>": "文字",
}


def _found(token: str) -> str:
    return TOKENS.get(token, f"“{token}”")


# (PyYAML's `problem`, a function of its match giving the Chinese); a %r comes quoted: "got ':'".
PROBLEMS = [
    (re.compile(r"could not find expected ':'"), lambda m: "找不到应有的半角冒号“:”"),
    (
        re.compile(r"mapping values are not allowed here"),
        lambda m: "这里不能出现“: ”（值里有“: ”时，请给整个值加引号）",
    ),
    (re.compile(r"sequence entries are not allowed here"), lambda m: "这里不能出现列表项“- ”"),
    (re.compile(r"found character '\\t' that cannot start any token"), lambda m: "这里不能用 Tab"),
    (
        re.compile(r"found character '(.+)' that cannot start any token"),
        lambda m: f"这里不能出现“{m[1]}”（以“{m[1]}”开头的值请加引号）",
    ),
    (
        re.compile(r"expected ',' or '(.)', but got '<stream end>'"),
        lambda m: (
            f"应为“,”或“{m[1]}”，却已到了前置信息的末尾（“{OPENING[m[1]]}”缺少配对的“{m[1]}”）"
        ),
    ),
    (
        re.compile(r"expected ',' or '(.)', but got '(.+)'"),
        lambda m: (
            f"应为“,”或“{m[1]}”，却遇到{_found(m[2])}（“{OPENING[m[1]]}”缺少配对的“{m[1]}”？）"
        ),
    ),
    (
        re.compile(r"expected <block end>, but found '(.+)'"),
        lambda m: f"缩进没有对齐（遇到{_found(m[1])}）",
    ),
    (
        re.compile(r"found unexpected end of stream"),
        lambda m: "引号没有配对：到结尾也没有另一半引号",
    ),
    (
        re.compile(r"found unknown escape character '(.+)'"),
        lambda m: f"双引号里的“\\{m[1]}”不是有效的写法（要写“\\”时请改用单引号）",
    ),
    (
        re.compile(r"found undefined alias '(.+)'"),
        lambda m: f"“*{m[1]}”不是有效的写法（以“*”开头的值请加引号）",
    ),
    (
        re.compile(r"expected alphabetic or numeric character, but found '(.+)'"),
        lambda m: f"“&”或“*”后面应为字母或数字，却遇到“{m[1]}”（以“&”或“*”开头的值请加引号）",
    ),
    (
        re.compile(r"expected the node content, but found '(.+)'"),
        lambda m: f"这里缺少值（遇到{_found(m[1])}）",
    ),
    (
        re.compile(r"expected escape sequence of (\d) hexadecimal numbers, but found .+"),
        lambda m: f"双引号里的“\\{ESCAPES[m[1]]}”不是有效的写法：路径请用“/”，或改用单引号",
    ),
    (
        re.compile(r"expected chomping or indentation indicators, but found .+"),
        lambda m: "以“|”“>”开头的值请加引号",
    ),
    (re.compile(r"expected URI, but found .+"), lambda m: "以“!”开头的值请加引号"),
]
OPENING = {"]": "[", "}": "{"}
ESCAPES = {"2": "x", "4": "u", "8": "U"}  # PyYAML names the escape by its number of digits
# PyYAML's `context`: what the error is inside of.
CONTEXTS = {
    "while parsing a flow sequence": "方括号列表“[”",
    "while parsing a flow mapping": "花括号“{”",
    "while parsing a block mapping": "字段",
    "while parsing a block collection": "列表",
    "while parsing a block node": "值",
    "while parsing a flow node": "值",
    "while scanning a simple key": "字段名",
    "while scanning a quoted scalar": "引号",
    "while scanning a plain scalar": "值",
}


# Contexts whose mark is the culprit (the key without its colon, the opening quote or bracket):
# PyYAML's problem mark is where it gave up, often lines later.
CULPRIT_CONTEXTS = {
    "while scanning a simple key",
    "while scanning a quoted scalar",
    "while scanning a double-quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
}


def yaml_error_text(error: yaml.YAMLError, first_line: int, yaml_text: str = "") -> tuple[int, str]:
    """(file line, what is wrong) of a PyYAML error; `first_line`: the file line of the YAML
    text's first line (2 under a front matter's opening `---`); line 0 when PyYAML gives none.
    `yaml_text`: the text PyYAML read, to find the line of an unreadable character."""
    if isinstance(error, yaml.reader.ReaderError):
        line = yaml_text.count("\n", 0, error.position) + first_line if yaml_text else 0
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return line, (
            f"这一行有看不见的控制字符（U+{code:04X}，常见于从 Word 复制的文字）：请删去后重新输入"
        )
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + first_line if mark else 0
    problem = getattr(error, "problem", None)
    if problem is None:
        return line, _one_line(str(error))
    reason = next(
        (chinese(match) for pattern, chinese in PROBLEMS if (match := pattern.fullmatch(problem))),
        problem,  # PyYAML's own words rather than none
    )
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context in CULPRIT_CONTEXTS and context_mark:
        line = context_mark.line + first_line
    elif context and context_mark and context_mark.line + first_line != line:
        top_level = context == "while parsing a block mapping" and context_mark.column == 0
        if not top_level:  # "the fields start on line 2" says nothing
            where = CONTEXTS.get(context, context)
            reason += f"（{where}从第 {context_mark.line + first_line} 行开始）"
    return line, _one_line(reason)


def _one_line(text: str) -> str:
    """One problem, one line: PyYAML's own words may span two."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
