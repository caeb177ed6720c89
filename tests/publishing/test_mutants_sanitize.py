"""What the sanitiser's surviving mutants showed untested: the HTML a patient is shown, the words staff are told."""

import pytest

from publishing.sanitize import has_text, removed_when_sanitised, sanitize_html

PASTED_PICTURE = "pictures that were not uploaded (pasted from another document): add them with “Upload image”"


def link_notice(words, address):
    return (f"the address of the link “{words}” ({address}; links can go to web pages, email addresses, phone numbers "
            "and this site's pages), its words are kept")


@pytest.mark.parametrize(("rich_text", "says_something"), [
    ("<p>&nbsp;</p>", False),
    ("<p><strong></strong></p><p><br></p>", False),
    ("<h2> </h2><ul><li>&nbsp;</li></ul>", False),
    ("<p><strong>Bruising</strong> for a day.</p>", True),
    ("", False),
    (None, False),
])
def test_a_section_of_empty_tags_says_nothing(rich_text, says_something):
    assert has_text(rich_text) is says_something


@pytest.mark.parametrize(("html", "removed"), [
    ('<p style="line-height:2">Spaced</p>', ["other styling"]),
    ('<p style="LINE-HEIGHT: 2;">Spaced</p>', ["other styling"]),
    ('<p align="center">Centred</p>', ["alignment (centring)"]),
    ('<table><tr><td valign="top">Cell</td></tr></table>', ["alignment (centring)"]),
    ('<table><tr><td bgcolor="yellow">Cell</td></tr></table>', ["highlighting"]),
    ('<p><font color="red">Red</font></p>', ["fonts and text colours", "text colours"]),
    ('<p style="aspect-ratio:4/3; width:50%; height:auto;">Quiet</p>', []),
])
def test_styling_and_old_attributes_are_named(html, removed):
    assert removed_when_sanitised(html) == removed


@pytest.mark.parametrize(("address", "reported"), [
    ("java\tscript:alert(1)", True),  # browsers ignore the tab: it is a script
    ("java\nscript:alert(1)", True),
    ("JavaScript:alert(1)", True),
    ("VBSCRIPT:msgbox(1)", True),
    (" https://www.nhs.uk/", False),  # a stray space before a web address keeps the link
    ("HTTPS://www.nhs.uk/", False),
    ("/treatments/botox/", False),
    ("tel:+442071234567", False),
])
def test_a_link_address_is_reported_only_when_it_goes(address, reported):
    html = f'<p><a href="{address}">Book now</a></p>'
    assert removed_when_sanitised(html) == ([link_notice("Book now", address.strip())] if reported else [])


@pytest.mark.parametrize(("html", "removed"), [
    ("<iframe></iframe>", ["an embedded frame"]),
    ('<iframe src="/local/page"></iframe>', ["an embedded frame"]),
    ('<iframe src="https://maps.example/embed?x=1"></iframe>', ["an embedded frame from maps.example"]),
])
def test_a_frame_is_named_by_where_it_came_from(html, removed):
    assert removed_when_sanitised(html) == removed


@pytest.mark.parametrize(("html", "removed"), [
    ('<p><span class="marker-yellow">Marked</span></p>', ["highlighting"]),
    ('<p class="MsoNormal text-big">Big</p>', ["fonts and text sizes"]),
    ('<ul class="todo-list"><li>Task</li></ul>', ["to-do lists"]),
    ('<figure class="image image-style-side"><img src="/media/a.jpg" alt="A"></figure>', []),  # CKEditor's own
])
def test_editor_classes_are_named_by_what_they_did(html, removed):
    assert removed_when_sanitised(html) == removed


@pytest.mark.parametrize("html", [
    '<img src="/media/a.jpg" alt="A" srcset="/media/a-480.jpg 480w, javascript:alert(1) 960w">',
    '<picture><source srcset="data:image/png;base64,iVBORw0 1x"><img src="/media/a.jpg" alt="A"></picture>',
    '<img src="data:image/png;base64,iVBORw0" alt="A">',
])
def test_a_picture_from_elsewhere_is_named(html):
    assert removed_when_sanitised(html) == [PASTED_PICTURE]


def test_an_uploaded_picture_with_its_sizes_is_not():
    html = ('<picture><source srcset="/media/a.webp 1x, /media/a@2x.webp 2x" type="image/webp">'
            '<img src="/media/a.jpg" alt="A" srcset="/media/a-480.jpg 480w, /media/a-960.jpg 960w"></picture>')
    assert removed_when_sanitised(html) == []


def test_a_links_words_are_quoted_as_staff_read_them():
    html = '<p><a href="javascript:book()">Botox &amp; fillers&nbsp;&mdash; book</a></p>'
    assert removed_when_sanitised(html) == [link_notice("Botox & fillers — book", "javascript:book()")]


def test_what_goes_inside_something_removed_whole_is_not_named_again():
    html = ('<object data="a.swf"><object data="b.swf"></object><p style="color:red">Inside</p></object>'
            '<p>After</p>')
    assert removed_when_sanitised(html) == ["embedded content (object)"]


def test_a_video_address_that_is_not_an_address_is_quoted_to_40_characters():
    pasted = "Watch our clinic tour on the website tonight please"
    html = f'<figure class="media"><oembed url="{pasted}"></oembed></figure>'
    assert removed_when_sanitised(html) == [
        "a video from Watch our clinic tour on the website ton (only YouTube and Vimeo videos can be shown)"]


def test_what_follows_something_removed_whole_is_read_again():
    html = ('<object data="a.swf"><param name="movie" value="a.swf"><object data="b.swf"></object></object>'
            '<p style="color:red">After</p>')
    assert removed_when_sanitised(html) == ["embedded content (object)", "text colours"]


def test_a_links_words_are_all_of_them():
    html = '<p><a href="javascript:book()"><strong>Book</strong> today</a> or call.</p>'
    assert removed_when_sanitised(html) == [link_notice("Book today", "javascript:book()")]


def test_an_empty_style_attribute_is_nothing_to_report():
    assert removed_when_sanitised("<p style>Plain</p><p style=''>Plain</p>") == []


def test_a_long_link_is_quoted_to_60_characters_of_words_and_of_address():
    words = "Read everything about our treatments, prices and aftercare in one place today"
    address = "javascript:window.location='https://tracking.example/?from=clinic&campaign=winter'"
    assert removed_when_sanitised(f'<p><a href="{address}">{words}</a></p>') == [
        link_notice(words[:60], address[:60])]
    assert len(words) > 61 and len(address) > 61


def test_a_null_character_does_not_hide_a_script_or_a_script_address():
    assert sanitize_html("<p>Hi</p><scr\x00ipt>alert(1)</script>") == "<p>Hi</p>"
    assert sanitize_html('<p><a href="java\x00script:alert(1)">Book</a></p>') == (
        '<p><a rel="noopener noreferrer">Book</a></p>')
