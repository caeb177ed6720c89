/* Editor tools for page forms. django-ckeditor-5 ships a ready-made CKEditor 5 build and there is no build step
   here, so these come as a function plugin named in CKEDITOR_5_CONFIGS ("callback:clinicEditorTools"), which the
   package turns into window.clinicEditorTools. It runs before the editor loads the page's text.

   - "Link to a page": find a page of this site by its title and link to it. The link keeps the page's reference
     (data-page="treatments.treatment:7") beside its address, so it survives a change of address
     (publishing/rich_text.py). Editing the address by hand makes it an ordinary link again.
   - Links end where they end: typing right after a link does not make the link longer.
   - A link whose address the site would drop (javascript:, data:, file: and the like), or a picture that cannot be
     uploaded (pasted from a Word file on disk), is refused as it arrives, with a word saying so.
   - Pasted text is told apart from its styling: headings of any level are kept as the site's headings, and a
     notice says when colours, highlighting, fonts or alignment were left out.
   - Videos show in the editor as a plain box: nothing is loaded from YouTube or Vimeo in the admin either. */
(function () {
  "use strict";

  const SAFE_SCHEMES = ["http", "https", "mailto", "tel"]; // publishing/sanitize.py URL_SCHEMES
  const PICTURE_SCHEMES = ["http", "https", "data", "blob"]; // data: and blob: are uploaded by the editor
  const LINK_KEYS = ["linkHref", "linkPage"];
  const PAGE_REFERENCE = /^[a-z_]+\.[a-z_]+:\d{1,10}$/;
  const STYLING = /(?:\b(?:color|background(?:-color)?|text-align|font-family|font-size)\s*:)|<(?:font|mark|u|s|strike|center)\b|\salign=/i;
  const PAGE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><path d="M4 2h8l4 4v5h-1.5V7H11V3.5H5.5v13H9V18H4z"/><path d="M13.5 12.2a2.3 2.3 0 0 1 3.2 0 2.3 2.3 0 0 1 0 3.2l-1.5 1.5a2.3 2.3 0 0 1-3.2 0l.9-.9a1 1 0 0 0 1.4 0l1.5-1.5a1 1 0 0 0-1.4-1.4l-.5.5-.9-.9zm-.8 1.6a2.3 2.3 0 0 1 0 3.2l-.6.6-.9-.9.6-.6a1 1 0 0 0-1.4-1.4l-1.5 1.5a1 1 0 0 0 0 1.4l-.9.9a2.3 2.3 0 0 1 0-3.2l1.5-1.5a2.3 2.3 0 0 1 3.2 0z"/></svg>';
  const LIBRARY_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><path d="M2 4h12v10H2zm1.5 1.5v5.6l3-3 3.5 3.5 1.5-1.5 1 1V5.5z"/><path d="M16 6h2v12H5v-2h11z"/><circle cx="10.5" cy="8" r="1.2"/></svg>';

  function scheme(address) {
    // As browsers read an address: control characters and spaces do not count ("java\tscript:").
    const match = String(address).replace(/[\u0000-\u0020]/g, "").match(/^([a-z][a-z0-9+.-]*):/i);
    return match ? match[1].toLowerCase() : null;
  }

  function safeLink(address) {
    const found = scheme(address);
    return found === null || SAFE_SCHEMES.includes(found);
  }

  function showablePicture(address) {
    const found = scheme(address);
    return found === null || PICTURE_SCHEMES.includes(found);
  }

  /* A line under the editor saying what was left out and why (read out by screen readers). */
  function notices(editor) {
    let line = null;
    return function say(text) {
      if (!editor.ui.element) { // still loading: said once it shows
        editor.on("ready", () => say(text));
        return;
      }
      if (!line) {
        line = document.createElement("p");
        line.className = "editor-notice";
        line.setAttribute("role", "status");
        editor.ui.element.after(line);
      }
      line.textContent = text;
    };
  }

  /* linkPage: the page a link was chosen for, kept on the same <a> as its address. */
  function pageReferences(editor) {
    editor.model.schema.extend("$text", { allowAttributes: "linkPage" });
    editor.conversion.for("downcast").attributeToElement({
      model: "linkPage",
      view: (reference, { writer }) => {
        if (!reference) return null;
        // Same element name and priority as the link's own <a>: the two merge into one element.
        const element = writer.createAttributeElement("a", { "data-page": reference }, { priority: 5 });
        writer.setCustomProperty("link", true, element);
        return element;
      },
    });
    editor.conversion.for("upcast").elementToAttribute({
      view: { name: "a", attributes: { "data-page": PAGE_REFERENCE } },
      model: { key: "linkPage", value: (element) => element.getAttribute("data-page") },
    });
  }

  /* After every change: links keep their reference only while their address is the chosen one, and addresses
     and pictures the site would drop go at once. */
  function keepLinksSafe(editor, say) {
    const model = editor.model;
    model.document.registerPostFixer((writer) => {
      const changes = model.document.differ.getChanges();
      const chosen = changes.filter((change) => change.type === "attribute" && change.attributeKey === "linkPage" &&
        change.attributeNewValue);
      const unlinked = [];
      const unreferenced = [];
      const pictures = [];
      const refused = [];
      for (const change of changes) {
        let range = null;
        let addressEdited = false;
        if (change.type === "insert") {
          range = writer.createRange(change.position, change.position.getShiftedBy(change.length));
        } else if (change.type === "attribute" && LINK_KEYS.includes(change.attributeKey)) {
          range = change.range;
          // A new address without a new reference: typed by hand, so it is no longer the chosen page's link.
          addressEdited = change.attributeKey === "linkHref" &&
            !chosen.some((page) => page.range.getIntersection(change.range));
        } else if (change.type === "attribute" && change.attributeKey === "src") {
          range = change.range;
        }
        if (!range) continue;
        for (const item of range.getItems()) {
          const href = item.getAttribute("linkHref");
          if (href !== undefined && !safeLink(href)) {
            unlinked.push(writer.createRangeOn(item));
            refused.push(href);
          } else if (item.hasAttribute("linkPage") && (href === undefined || addressEdited)) {
            unreferenced.push(writer.createRangeOn(item));
          }
          if (item.is("element") && item.hasAttribute("src") && !item.hasAttribute("uploadId") &&
              !showablePicture(item.getAttribute("src"))) {
            pictures.push(item);
          }
        }
      }
      for (const range of unlinked) LINK_KEYS.forEach((key) => writer.removeAttribute(key, range));
      for (const range of unreferenced) writer.removeAttribute("linkPage", range);
      for (const picture of pictures.reverse()) writer.remove(picture);
      if (refused.length) {
        say(`The link address “${refused[0].slice(0, 60)}” was not kept: links can go to web pages (https://), ` +
            "email addresses (mailto:), phone numbers (tel:) and this site's pages. The words are still there.");
      } else if (pictures.length) {
        say("A picture from another document could not be copied in. Save it as a file, then add it with " +
            "“Upload image”.");
      }
      return unlinked.length + unreferenced.length + pictures.length > 0;
    });
  }

  /* The caret at the end of a link is after it, not in it: what is typed there is not part of the link. (CKEditor
     keeps typing inside the link until the arrow key is pressed once more; people expect a link to end where its
     words end.) The link grows only when text is typed inside it. */
  function linksEndWhereTheyEnd(editor) {
    const model = editor.model;
    const selection = model.document.selection;
    let overridden = null;
    selection.on("change:range", (event, data) => {
      if (!data.directChange) return; // typing moves the caret too: the choice holds while one types on
      if (overridden) {
        const uid = overridden;
        overridden = null;
        model.change((writer) => writer.restoreSelectionGravity(uid));
      }
      if (!selection.isCollapsed) return;
      const position = selection.getFirstPosition();
      if (position.textNode) return; // in the middle of some text
      const before = position.nodeBefore;
      const after = position.nodeAfter;
      const href = before && before.is("$text") ? before.getAttribute("linkHref") : undefined;
      if (href === undefined || (after && after.is("$text") && after.getAttribute("linkHref") === href)) return;
      // Attributes come from what follows the caret, as after CKEditor's own second arrow key press.
      model.change((writer) => { overridden = writer.overrideSelectionGravity(); });
    });
  }

  /* Headings pasted from Word or Google Docs keep being headings: Heading 1 becomes the site's Heading 2 (the
     page title is its only Heading 1), Headings 5 and 6 become Heading 4. */
  function pastedHeadings(editor) {
    const belowDefault = -999; // after CKEditor's own h1 converter (which finds no Heading 1 here), before paragraphs
    editor.conversion.for("upcast").elementToElement({ view: "h1", model: "heading2", converterPriority: belowDefault });
    for (const level of ["h5", "h6"]) {
      editor.conversion.for("upcast").elementToElement({ view: level, model: "heading4", converterPriority: belowDefault });
    }
  }

  function pasteNotice(editor, say) {
    editor.plugins.get("ClipboardPipeline").on("inputTransformation", (event, data) => {
      if (data.method === "paste" && STYLING.test(data.dataTransfer.getData("text/html") || "")) {
        say("Pasted. The words, headings, lists, links and tables are kept; colours, highlighting, fonts and " +
            "alignment were left out, as patients' pages do not show them.");
      }
    });
  }

  /* The "Link to a page" dialog: one for the whole form, used by every editor in it. */
  const chooser = {
    dialog: null,
    editor: null,
    asked: 0,
    timer: null,

    build() {
      const dialog = document.createElement("dialog");
      dialog.className = "page-chooser";
      dialog.setAttribute("aria-labelledby", "page-chooser-title");
      dialog.innerHTML =
        '<h2 id="page-chooser-title">Link to a page</h2>' +
        '<p id="page-chooser-help" class="help">Find a page of this site by its title. The link keeps working ' +
        "if the page’s address changes; a link to a draft shows as plain words until the page is published.</p>" +
        '<label for="page-chooser-query">Page title</label>' +
        '<input type="search" id="page-chooser-query" autocomplete="off" spellcheck="false" ' +
        'aria-describedby="page-chooser-help" aria-controls="page-chooser-results">' +
        '<p id="page-chooser-status" class="page-chooser__status" role="status"></p>' +
        '<ul id="page-chooser-results" class="page-chooser__results"></ul>' +
        '<p class="page-chooser__actions"><button type="button" class="button" data-close>Cancel</button></p>';
      document.body.append(dialog);
      const query = dialog.querySelector("input");
      query.addEventListener("input", () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.search(query.value), 200);
      });
      query.addEventListener("keydown", (event) => {
        if (event.key === "Enter") { // the first result, or nothing: never the page form's submit
          event.preventDefault();
          const first = dialog.querySelector(".page-chooser__result");
          if (first) first.click();
        } else if (event.key === "ArrowDown") {
          const first = dialog.querySelector(".page-chooser__result");
          if (first) { event.preventDefault(); first.focus(); }
        }
      });
      dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
      dialog.addEventListener("keydown", (event) => {
        // Escape closes it even where the page listens for Escape itself (the admin's date and time pickers).
        if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
      });
      dialog.addEventListener("close", () => { if (this.editor) this.editor.editing.view.focus(); });
      this.dialog = dialog;
    },

    open(editor) {
      if (!this.dialog) this.build();
      this.editor = editor;
      const query = this.dialog.querySelector("input");
      const selected = selectedText(editor);
      query.value = selected.length <= 60 ? selected : "";
      this.dialog.showModal();
      query.focus();
      this.search(query.value);
    },

    async search(text) {
      const asked = ++this.asked;
      const status = this.dialog.querySelector(".page-chooser__status");
      const url = this.editor.config.get("pageLinks.url") + encodeURIComponent(text.trim());
      let answer;
      try {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        answer = response.ok ? await response.json() : { error: response.status };
      } catch (error) {
        answer = { error: "offline" };
      }
      if (asked !== this.asked) return; // a later search has been sent since
      if (answer.error) {
        this.show([]);
        status.textContent = answer.error === 403 ?
          "You cannot link to pages: you may have been signed out. Sign in again in a new tab, then try again." :
          "The pages could not be searched just now. Try again in a moment.";
        return;
      }
      this.show(answer.results);
      const count = answer.results.length;
      status.textContent = count ?
        (text.trim() ? `${count} page${count === 1 ? "" : "s"} found.` : "Pages changed most recently:") :
        "No page has that in its title.";
    },

    show(results) {
      const list = this.dialog.querySelector(".page-chooser__results");
      list.replaceChildren();
      for (const result of results) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "page-chooser__result";
        const title = document.createElement("span");
        title.className = "page-chooser__title";
        title.textContent = result.title;
        const about = document.createElement("span");
        about.className = "page-chooser__about";
        about.textContent = `${result.kind} · ${result.state}` + (result.live ? "" : " (not linked for patients until it is live)");
        button.append(title, " ", about);
        button.addEventListener("click", () => this.choose(result));
        button.addEventListener("keydown", (event) => {
          const next = event.key === "ArrowDown" ? item.nextElementSibling : event.key === "ArrowUp" ?
            item.previousElementSibling : null;
          if (next) { event.preventDefault(); next.querySelector("button").focus(); }
          else if (event.key === "ArrowUp") { event.preventDefault(); this.dialog.querySelector("input").focus(); }
        });
        item.append(button);
        list.append(item);
      }
    },

    choose(result) {
      const editor = this.editor;
      this.dialog.close();
      insertPageLink(editor, result);
    },
  };

  function selectedText(editor) {
    const range = editor.model.document.selection.getFirstRange();
    let text = "";
    for (const item of range.getItems()) {
      if (item.is("$textProxy")) text += item.data;
    }
    return text.trim();
  }

  /* The chosen page's link: around the selected words, or its title at the caret; in a link, that link. */
  function insertPageLink(editor, page) {
    const model = editor.model;
    model.change((writer) => {
      const selection = model.document.selection;
      let ranges;
      if (!selection.isCollapsed) {
        ranges = [...model.schema.getValidRanges(selection.getRanges(), "linkHref")];
      } else if (selection.hasAttribute("linkHref")) {
        ranges = [linkAround(model, selection.getFirstPosition(), selection.getAttribute("linkHref"))];
      } else {
        const attributes = new Map([...selection.getAttributes()].filter(([key]) => !key.startsWith("link")));
        const inserted = model.insertContent(writer.createText(page.title, attributes));
        ranges = [inserted];
        writer.setSelection(inserted.end);
      }
      for (const range of ranges) {
        writer.setAttribute("linkHref", page.url, range);
        writer.setAttribute("linkPage", page.ref, range);
      }
      if (selection.isCollapsed) LINK_KEYS.forEach((key) => writer.removeSelectionAttribute(key));
    });
    editor.editing.view.focus();
  }

  function linkAround(model, position, href) {
    let start = position.textNode ? model.createPositionBefore(position.textNode) : position;
    let end = position.textNode ? model.createPositionAfter(position.textNode) : position;
    while (start.nodeBefore && start.nodeBefore.getAttribute("linkHref") === href) {
      start = model.createPositionBefore(start.nodeBefore);
    }
    while (end.nodeAfter && end.nodeAfter.getAttribute("linkHref") === href) {
      end = model.createPositionAfter(end.nodeAfter);
    }
    return model.createRange(start, end);
  }

  function pageLinkButton(editor) {
    editor.ui.componentFactory.add("pageLink", (locale) => {
      // The build does not export ButtonView; every toolbar button is one.
      const ButtonView = editor.ui.componentFactory.create("undo").constructor;
      const button = new ButtonView(locale);
      button.set({ label: "Link to a page", icon: PAGE_ICON, withText: true, tooltip: "Link to a page of this site" });
      button.bind("isEnabled").to(editor.commands.get("link"), "isEnabled");
      button.on("execute", () => chooser.open(editor));
      return button;
    });
  }

  /* "Insert image from library": a grid of the library's thumbnails (images/admin.py's chooser); the chosen image
     goes in with the library's description as its text alternative, which staff may change in the editor. */
  const library = {
    dialog: null,
    editor: null,
    timer: null,

    build() {
      const dialog = document.createElement("dialog");
      dialog.className = "page-chooser image-chooser__dialog";
      dialog.setAttribute("aria-labelledby", "library-chooser-title");
      dialog.innerHTML =
        '<h2 id="library-chooser-title">Insert image from library</h2>' +
        '<label for="library-chooser-query">Search by title or description</label>' +
        '<input type="search" id="library-chooser-query" autocomplete="off" spellcheck="false">' +
        '<p class="page-chooser__status" role="status"></p>' +
        '<ul class="image-chooser__grid"></ul>' +
        '<p class="page-chooser__actions"><button type="button" class="button" data-close>Cancel</button></p>';
      document.body.append(dialog);
      const query = dialog.querySelector("input");
      query.addEventListener("input", () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.search(query.value), 200);
      });
      query.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
      dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
      dialog.addEventListener("close", () => { if (this.editor) this.editor.editing.view.focus(); });
      this.dialog = dialog;
    },

    open(editor) {
      if (!this.dialog) this.build();
      this.editor = editor;
      this.dialog.showModal();
      this.dialog.querySelector("input").focus();
      this.search(this.dialog.querySelector("input").value);
    },

    async search(text) {
      const status = this.dialog.querySelector(".page-chooser__status");
      const list = this.dialog.querySelector(".image-chooser__grid");
      let answer;
      try {
        const response = await fetch(this.editor.config.get("libraryImages.url") + encodeURIComponent(text.trim()),
          { credentials: "same-origin", headers: { Accept: "application/json" } });
        answer = response.ok ? await response.json() : { error: response.status };
      } catch (error) {
        answer = { error: "offline" };
      }
      list.replaceChildren();
      if (answer.error) {
        status.textContent = "The library could not be searched just now. Try again in a moment.";
        return;
      }
      status.textContent = answer.images.length ? "" : "No image matches. Upload one with “Upload image”.";
      // The page form's chooser (admin-image-chooser.js) draws the thumbnails for both.
      list.append(...libraryImageChoices(answer.images, (image) => {
        this.dialog.close();
        this.editor.execute("insertImage", { source: [{ src: image.url, alt: image.decorative ? "" : image.alt }] });
      }));
    },
  };

  function libraryImageButton(editor) {
    editor.ui.componentFactory.add("libraryImage", (locale) => {
      const ButtonView = editor.ui.componentFactory.create("undo").constructor;
      const button = new ButtonView(locale);
      button.set({ label: "Image from library", icon: LIBRARY_ICON, withText: true,
                   tooltip: "Insert an image from the image library" });
      const insert = editor.commands.get("insertImage");
      if (insert) button.bind("isEnabled").to(insert, "isEnabled");
      button.on("execute", () => library.open(editor));
      return button;
    });
  }

  window.clinicEditorTools = function clinicEditorTools(editor) {
    const say = notices(editor);
    pageReferences(editor);
    keepLinksSafe(editor, say);
    linksEndWhereTheyEnd(editor);
    pastedHeadings(editor);
    pageLinkButton(editor);
    libraryImageButton(editor);
    editor.on("ready", () => pasteNotice(editor, say));
  };

  function videoPreview(provider, id) {
    const box = document.createElement("div");
    box.className = "clinic-video-preview";
    const title = document.createElement("strong");
    title.textContent = `${provider} video ${id}`;
    const note = document.createElement("span");
    note.textContent = `Patients see a Play button; nothing is loaded from ${provider} until they press it.`;
    box.append("▶ ", title, note);
    return box.outerHTML;
  }

  window.clinicYouTubePreview = (match) => videoPreview("YouTube", match[1]);
  window.clinicVimeoPreview = (match) => videoPreview("Vimeo", match[1]);
})();
