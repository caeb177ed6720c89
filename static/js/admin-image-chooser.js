/* Choosing a library image for a page (images/widgets.py): "Choose from library" opens a searchable grid of
   thumbnails (from the library's chooser, images/admin.py); choosing one sets the plain select underneath, which
   is what the form sends (and what works without JavaScript). */
/* One thumbnail button per library image, for both choosers (this one and the editor's "Image from library"). */
function libraryImageChoices(images, choose) {
  "use strict";
  return images.map((image) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "image-chooser__choice";
    const img = document.createElement("img");
    Object.assign(img, {src: image.thumb, alt: "", width: 160, height: 120});
    const title = document.createElement("span");
    title.textContent = image.title;
    const alt = document.createElement("span");
    alt.className = "image-chooser__alt";
    alt.textContent = image.alt || (image.decorative ? "Decorative" : "No description yet");
    button.append(img, title);
    if (image.alt !== image.title) button.append(alt);  // a title made from the description says it already
    button.addEventListener("click", () => choose(image));
    item.append(button);
    return item;
  });
}

document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  for (const chooser of document.querySelectorAll("[data-image-chooser]")) {
    const select = chooser.querySelector("select");
    const thumb = chooser.querySelector("[data-image-chooser-thumb]");
    const dialog = chooser.querySelector("dialog");
    const search = chooser.querySelector("[data-image-chooser-search]");
    const grid = chooser.querySelector("[data-image-chooser-grid]");
    const status = chooser.querySelector("[data-image-chooser-status]");
    const openButton = chooser.querySelector("[data-image-chooser-open]");
    const removeButton = chooser.querySelector("[data-image-chooser-remove]");
    let timer = null;

    function showChosen() {
      const option = select.selectedOptions[0];
      const chosen = option && option.value;
      removeButton.hidden = !chosen;
      if (!chosen) { thumb.hidden = true; return; }
      if (option.dataset.thumb) { thumb.src = option.dataset.thumb; thumb.hidden = false; return; }
      // Just uploaded in the popup: its thumbnail and share crop come from the chooser.
      fetch(chooser.dataset.chooserUrl + "?id=" + encodeURIComponent(option.value), {credentials: "same-origin"})
        .then((response) => response.json())
        .then((data) => {
          const image = data.images && data.images[0];
          if (!image) return;
          option.dataset.thumb = image.thumb;
          option.dataset.shareUrl = image.share;
          showChosen();
          select.dispatchEvent(new Event("change", {bubbles: true}));
        });
    }

    function choose(image) {
      let option = [...select.options].find((o) => o.value === String(image.id));
      if (!option) {
        option = new Option(image.title, image.id);
        select.add(option);
      }
      option.dataset.thumb = image.thumb;
      option.dataset.shareUrl = image.share;
      select.value = String(image.id);
      select.dispatchEvent(new Event("change", {bubbles: true}));
      dialog.close();
      openButton.focus();
    }

    function load() {
      status.textContent = "Searching…";
      const url = chooser.dataset.chooserUrl + "?q=" + encodeURIComponent(search.value.trim());
      fetch(url, {credentials: "same-origin"}).then((response) => response.json()).then((data) => {
        grid.replaceChildren();
        const images = data.images || [];
        status.textContent = images.length ? images.length + (images.length === 1 ? " image" : " images")
          : "No image matches. Try other words, or upload a new image.";
        grid.append(...libraryImageChoices(images, choose));
      }).catch(() => { status.textContent = "The library could not be reached. Try again."; });
    }

    openButton.hidden = false;
    openButton.addEventListener("click", () => { dialog.showModal(); search.focus(); load(); });
    chooser.querySelector("[data-image-chooser-close]").addEventListener("click", () => dialog.close());
    search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(load, 250); });
    search.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
    removeButton.addEventListener("click", () => {
      select.value = "";
      select.dispatchEvent(new Event("change", {bubbles: true}));
    });
    select.addEventListener("change", showChosen);
    // The upload popup (Django's RelatedObjectLookups.js) announces its new image through jQuery only.
    if (window.django && window.django.jQuery) window.django.jQuery(select).on("change", showChosen);
  }
});
