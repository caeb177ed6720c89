"""Every page's JSON-LD uses only schema.org's own names and allowed values, read from a pinned copy of the
vocabulary (the npm package schema-dts, installed with the other test tools), and carries what Google requires of
articles, FAQs and breadcrumbs."""

import json
import os
import re
from functools import cache
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from clinic.models import ClinicDetails

VOCABULARY = Path(__file__).resolve().parents[2] / "node_modules" / "schema-dts" / "dist" / "schema.d.ts"
INTERFACE = re.compile(r"^(?:export )?interface (\w+)(?: extends (.+?))? \{$")
ENUMERATED = {"procedureType": "MedicalProcedureType", "dayOfWeek": "DayOfWeek"}


@cache
def vocabulary():
    """({interface: (parents, properties)}, {type name: leaf interface}, {enumeration: values})."""
    if not VOCABULARY.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs the schema.org vocabulary: run scripts/test (npm ci) first.")
        pytest.skip("node_modules/schema-dts missing: install the npm test tools (scripts/test does)")
    interfaces, leaves, enumerations, current = {}, {}, {}, None
    for line in VOCABULARY.read_text().splitlines():
        if match := INTERFACE.match(line):
            parents = [p.strip() for p in (match.group(2) or "").split(",") if re.fullmatch(r"\s*\w+\s*", p)]
            current = interfaces[match.group(1)] = (parents, set())
        elif line == "}":
            current = None
        elif current is not None and (prop := re.match(r'\s+"([^"]+)"\??:\s*(.*)', line)):
            if prop.group(1) == "@type":
                leaves[prop.group(2).strip('";')] = match_name(interfaces, current)
            else:
                current[1].add(prop.group(1))
        elif enum := re.match(r'export type (\w+) = ("https://schema.org/.*);$', line):
            enumerations[enum.group(1)] = set(re.findall(r'"([^"]+)"', enum.group(2)))
    return interfaces, leaves, enumerations


def match_name(interfaces, entry):
    return next(name for name, value in interfaces.items() if value is entry)


def properties_of(type_name):
    interfaces, leaves, _ = vocabulary()
    assert type_name in leaves, f"{type_name!r} is not a schema.org type"
    found, todo = set(), [leaves[type_name]]
    while todo:
        parents, props = interfaces.get(todo.pop(), ([], set()))
        found |= props
        todo += parents
    return found


def problems(node, where):
    """What in `node` (and the nodes inside it) schema.org does not define."""
    if isinstance(node, list):
        return [problem for item in node for problem in problems(item, where)]
    if not isinstance(node, dict):
        return []
    found = []
    types = node.get("@type")
    allowed = set().union(*(properties_of(t) for t in ([types] if isinstance(types, str) else types or [])))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        base = re.sub(r"-(input|output)$", "", key)  # schema.org Actions' annotations, e.g. "query-input"
        if types and base not in allowed:
            found.append(f"{where}: {types} has no property {key!r}")
        if key in ENUMERATED and value not in vocabulary()[2][ENUMERATED[key]]:
            found.append(f"{where}: {key} = {value!r} is not a {ENUMERATED[key]}")
        found += problems(value, f"{where} > {key}")
    return found


def graph_of(html):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def test_the_checker_knows_schema_org_and_catches_what_the_old_pages_got_wrong():
    assert {"procedureType", "bodyLocation", "name"} <= properties_of("MedicalProcedure")
    assert "streetAddress" in properties_of("PostalAddress")
    assert problems({"@type": "MedicalProcedure", "procedureType": "https://schema.org/SurgicalProcedure"}, "x")
    assert problems({"@type": "Person", "registrationNumber": "1"}, "x")
    assert problems({"@type": "MedicalClinic", "address": {"@type": "PostalAddress", "street": "1"}}, "x")
    assert not problems({"@type": "MedicalProcedure", "procedureType": "https://schema.org/PercutaneousProcedure"},
                        "x")


@pytest.mark.django_db
def test_every_page_type_uses_schema_org_names_and_values_and_googles_required_fields(client):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    ClinicDetails.objects.update(latitude="51.503400", longitude="-0.086000")
    article = Article.objects.get(slug="botox-facial-symmetry")
    team_credited = Article.objects.get(author=None)  # the byline credits the clinical team
    pages = ["/", "/treatments/", "/treatments/botox/", "/treatments/rhinoplasty/", "/blog/",
             article.get_absolute_url(), team_credited.get_absolute_url(), "/blog/category/facial-balance/",
             "/team/", "/team/daniel-okafor/",
             "/visit/", "/prices/", "/search/?q=botox", "/consultation/", "/privacy/"]
    found, types_seen = [], set()
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        graph = graph_of(response.content.decode())
        found += problems(graph, url)
        by_type = {node["@type"]: node for node in graph}
        types_seen |= set(by_type)
        clinic = by_type["MedicalClinic"]
        assert {"streetAddress", "addressLocality", "postalCode", "addressCountry"} <= set(clinic["address"]), url
        assert clinic["logo"].startswith("http") and clinic["geo"]["latitude"] == 51.5034, url
        if crumbs := by_type.get("BreadcrumbList"):  # Google: position, name and item on each
            items = crumbs["itemListElement"]
            assert [item["position"] for item in items] == list(range(1, len(items) + 1)), url
            assert all(item["name"] and item["item"].startswith("http://testserver/") for item in items), url
        if faq := by_type.get("FAQPage"):  # Google: each Question with its name and accepted answer's text
            assert all(q["@type"] == "Question" and q["name"] and q["acceptedAnswer"]["text"]
                       for q in faq["mainEntity"]), url
        if posting := by_type.get("BlogPosting"):  # Google's Article: headline, author with a link, date, image
            assert 0 < len(posting["headline"]) <= 110 and posting["datePublished"], url
            nodes = {node.get("@id"): node for node in graph}
            author = nodes.get(posting["author"].get("@id"), posting["author"])  # the clinic, for the clinical team
            assert author["name"] and author["url"].startswith("http"), url
            assert posting["image"].startswith("http"), url
    assert found == []
    assert {"WebSite", "SurgicalProcedure", "MedicalProcedure", "FAQPage", "BlogPosting", "ProfilePage",
            "Person", "BreadcrumbList"} <= types_seen
