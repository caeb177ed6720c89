"""Reading the sitemap as a search engine does: the index, then every file it lists."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_files(client):
    """{address of each file: its parsed XML} for the index and every file it names."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"] == "application/xml"
    files = {"/sitemap.xml": ElementTree.fromstring(index.content)}
    for location in files["/sitemap.xml"].findall("sm:sitemap/sm:loc", NS):
        address = urlsplit(location.text)
        response = client.get(f"{address.path}?{address.query}")
        assert response.status_code == 200, location.text
        files[location.text] = ElementTree.fromstring(response.content)
    return files


def sitemap_text(client):
    """Every address and lastmod in the sitemap, as one text to look in."""
    return "\n".join(
        f"{url.findtext('sm:loc', namespaces=NS)} {url.findtext('sm:lastmod', '', NS)}"
        for tree in sitemap_files(client).values() for url in tree.findall("sm:url", NS)
    )
