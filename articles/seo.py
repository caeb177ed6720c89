"""Structured data of an article: a BlogPosting."""

from seo.structured_data import image_url, page_nodes, web_page_node

from .models import Article


@page_nodes.register
def article_nodes(article: Article, base_url):
    url = base_url + article.get_absolute_url()
    posting = {
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "headline": article.title,
        "description": article.description,
        "author": {"@type": "Person", "name": article.byline},
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": {"@id": f"{url}#webpage"},
        "publisher": {"@id": f"{base_url}/#clinic"},
    }
    if image := image_url(base_url, article):
        posting["image"] = image
    return [web_page_node(base_url, article) | {"mainEntity": {"@id": posting["@id"]}}, posting]
