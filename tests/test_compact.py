"""Generated pages lose the templates' indentation, never a character that shows."""

from generator.compact import compact_html


def test_indentation_goes_and_line_breaks_stay_one():
    html = '<nav>\n      <a href="a">A</a>\n\n      <a href="b">B</a>\n    </nav>\n<p>Two  spaces stay</p>'
    assert compact_html(html) == '<nav>\n<a href="a">A</a>\n<a href="b">B</a>\n</nav>\n<p>Two  spaces stay</p>'


def test_preformatted_text_and_scripts_are_kept_as_they_are():
    code = "<pre><code>def f():\n    return 1\n\n    # indented\n</code></pre>"
    script = "<script>\n  var x = 1\n  var y = 2\n</script>"
    area = "<TEXTAREA>\n  typed\n</TEXTAREA >"
    html = f"<div>\n  {code}\n  {script}\n  {area}\n</div>"
    assert compact_html(html) == f"<div>\n{code}\n{script}\n{area}\n</div>"
