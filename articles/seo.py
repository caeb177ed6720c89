"""Structured data of an article: a BlogPosting."""

from seo.structured_data import image_url, page_nodes, person, web_page_node

from .models import Article


@page_nodes.register
def article_nodes(article: Article, base_url):
    url = base_url + article.get_absolute_url()
    posting = {
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "headline": article.title,
        "description": article.description,
        # Credited to the clinic itself when no clinician is named, never to a staff login.
        "author": person(article.author, base_url) if article.author else {"@id": f"{base_url}/#clinic"},
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": {"@id": f"{url}#webpage"},
        "publisher": {"@id": f"{base_url}/#clinic"},
    }
    if image := image_url(base_url, article):
        posting["image"] = image
    return [web_page_node(base_url, article) | {"mainEntity": {"@id": posting["@id"]}}, posting]
