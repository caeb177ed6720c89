/* The search and sharing panel (templates/admin/publishing/seo_panel.html) follows the form as staff type: the
   same fallbacks as the public page (SEO title, else title; meta description, else summary; share image, else
   hero image, else the clinic's card), the same counts and advice as publishing/admin/seo_panel.py. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const panel = document.querySelector("[data-seo-panel]");
  const form = panel && panel.closest("form");
  if (!form) return;
  const data = panel.dataset;
  const TITLE = Number(data.titleChars);
  const DESCRIPTION = Number(data.descriptionChars);
  const DESCRIPTION_MIN = Number(data.descriptionMinChars);
  const pathParts = data.pathBefore.split("/").filter(Boolean);
  let objectUrls = {};

  // A field's value as typed, or as stored when this person cannot edit it (it is then not in the form).
  function value(name) {
    const element = form.elements[name];
    if (!element) return data["initial" + name.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())] || "";
    if (element.type === "checkbox") return element.checked;
    return element.value.trim();
  }

  function imageUrl(name, storedUrl) {
    const input = form.elements[name];
    if (input && input.tagName === "SELECT") {  // a library image: its share crop (images/widgets.py)
      const option = input.selectedOptions[0];
      return option && option.value ? option.dataset.shareUrl || "" : "";
    }
    const clear = form.elements[name + "-clear"];
    if (input && input.files && input.files[0]) {
      const file = input.files[0];
      if (!objectUrls[name] || objectUrls[name].file !== file) {
        if (objectUrls[name]) URL.revokeObjectURL(objectUrls[name].url);
        objectUrls[name] = { file: file, url: URL.createObjectURL(file) };
      }
      return objectUrls[name].url;
    }
    if (clear && clear.checked) return "";
    return storedUrl;
  }

  function show(selector, text) {
    for (const element of panel.querySelectorAll(selector)) element.textContent = text;
  }

  function update() {
    const title = value("seo_title") || value("title");
    const searchTitle = title + " | " + data.clinicName;
    const description = value("meta_description") || value("summary");
    const noindex = form.elements.noindex ? form.elements.noindex.checked : data.initialNoindex === "1";
    const advice = new Set();
    if (!title) advice.add("title-missing");
    else if (title.length > TITLE) advice.add("title-long");
    else if (searchTitle.length > TITLE) advice.add("title-suffix-cut");
    else advice.add("title-ok");
    if (!description) advice.add("description-missing");
    else if (description.length > DESCRIPTION) advice.add("description-long");
    else if (description.length < DESCRIPTION_MIN) advice.add("description-short");
    else advice.add("description-ok");
    if (description && !value("meta_description")) advice.add("description-from-summary");
    if (noindex) advice.add("noindex");
    const shareUrl = imageUrl("share_image", data.shareUrl);
    const heroUrl = imageUrl("hero_image", data.heroUrl);
    advice.add(shareUrl ? "image-share" : heroUrl ? "image-hero" : "image-default");

    show("[data-seo=search-title]", searchTitle);
    show("[data-seo=share-title]", title || "…");
    show("[data-seo=description]", description || "…");
    show("[data-seo=path]", [...pathParts, value("slug") || "…"].join(" › "));
    show("[data-seo-count=title]", String(searchTitle.length));
    show("[data-seo-count=description]", String(description.length));
    panel.querySelector("[data-seo=image]").src = shareUrl || heroUrl || data.defaultUrl;
    panel.querySelector("[data-seo-snippet]").classList.toggle("seo-panel--hidden", noindex);
    for (const item of panel.querySelectorAll("[data-advice]")) item.hidden = !advice.has(item.dataset.advice);
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
});
