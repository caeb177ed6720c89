/* Live preview beside a page's change form (templates/admin/publishing/live_preview_panel.html).
   A pause in typing (CKEditor included) posts the form, without its files, to the page's preview address
   (publishing/admin/live_preview.py) into the hidden one of two frames; once it has loaded at the same scroll
   position the frames swap, so the preview never jumps to the top or flashes. Open or closed and the chosen
   width are remembered in this browser. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const panel = document.getElementById("live-preview");
  const toggle = document.getElementById("live-preview-toggle");
  const form = document.querySelector("#content-main form");
  if (!panel || !toggle || !form) return;
  const sender = panel.querySelector("[data-live-preview-form]");
  const viewport = panel.querySelector("[data-live-preview-viewport]");
  const status = panel.querySelector("[data-live-preview-status]");
  const frames = [...viewport.querySelectorAll("iframe")];
  const widthButtons = [...panel.querySelectorAll("[data-width]")];
  const delay = Number(panel.dataset.delayMs) || 800;
  const STORAGE_KEY = "clinic-live-preview";
  const SKIPPED = new Set(["_save", "_continue", "_addanother", "_publish", "_publish_now", "_create_preview"]);

  let front = 0;           // index of the frame on show
  let width = 1280;
  let timer = null;
  let loading = false;
  let pending = false;
  let watchedEditors = new WeakSet();

  function remembered() {
    try {
      return JSON.parse(localStorage.getItem(STORAGE_KEY) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function remember() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ open: !panel.hidden, width: width }));
    } catch (error) { /* storage unavailable: the panel just starts closed */ }
  }

  function cookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  // Busy from the first keystroke of a change until the preview shows it (tests and assistive technology wait on it).
  function busy(isBusy) {
    if (isBusy) viewport.setAttribute("aria-busy", "true");
    else viewport.removeAttribute("aria-busy");
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;  // the same words are not read out again
  }

  // The frames show the page at the chosen width, scaled down to fit the panel when it is narrower.
  function fit() {
    const room = viewport.clientWidth;
    const scale = Math.min(1, room / width);
    for (const frame of frames) {
      frame.style.width = width + "px";
      frame.style.height = Math.floor(viewport.clientHeight / scale) + "px";
      frame.style.transform = scale < 1 ? "scale(" + scale + ")" : "";
      frame.style.left = scale < 1 ? "0" : Math.max(0, Math.floor((room - width) / 2)) + "px";
    }
  }

  function fields() {
    const data = new FormData(form);
    for (const [id, editor] of Object.entries(window.editors || {})) {
      const source = document.getElementById(id);
      if (source && source.name) data.set(source.name, editor.getData());
    }
    const token = cookie("csrftoken");  // after signing in again in another tab, the form's own is out of date
    if (token) data.set("csrfmiddlewaretoken", token);
    return data;
  }

  function refresh() {
    clearTimeout(timer);
    timer = null;
    if (panel.hidden) return;
    if (loading) {
      pending = true;
      return;
    }
    loading = true;
    busy(true);
    sender.replaceChildren();
    let newFiles = false;
    for (const [name, value] of fields()) {
      if (value instanceof File) {
        newFiles = newFiles || value.size > 0;
        continue;  // uploads are kept out of previews: they show once the page is saved
      }
      if (SKIPPED.has(name)) continue;
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      sender.append(input);
    }
    panel.dataset.newFiles = newFiles ? "1" : "";
    sender.target = frames[1 - front].name;
    sender.submit();
  }

  function schedule() {
    if (panel.hidden) return;
    busy(true);
    clearTimeout(timer);
    timer = setTimeout(refresh, delay);
  }

  function shown(frame) {
    let doc = null;
    try {
      doc = frame.contentDocument;
    } catch (error) { /* not ours: an error page the browser would not frame */ }
    return doc && doc.body && doc.location.href !== "about:blank" ? doc : null;
  }

  function loaded(index) {
    if (index === front || !loading) return;  // the first blank page, or a frame not asked for anything
    const back = frames[index];
    const previous = frames[front];
    const doc = shown(back);
    loading = false;
    if (!doc) {
      say("The preview could not be shown: you may have been signed out. Your typing is still in the form; " +
          "save it, or sign in again in a new tab.");
    } else {
      const previousDoc = shown(previous);
      if (previousDoc) back.contentWindow.scrollTo(0, previous.contentWindow.scrollY);
      // Links lead out of the preview: the panel stays on this page.
      doc.addEventListener("click", (event) => {
        if (event.target.closest("a[href]")) event.preventDefault();
      }, true);
      back.classList.remove("live-preview__frame--back");
      previous.classList.add("live-preview__frame--back");
      front = index;
      const notes = [...doc.querySelectorAll("[data-live-preview-notes] p")].map((p) => p.textContent.trim());
      if (panel.dataset.newFiles) notes.push("New images show in the preview once the page is saved.");
      say(notes.length ? notes.join(" ") : "Showing your changes as patients would see them (not saved yet).");
    }
    if (pending) {
      pending = false;
      schedule();
    } else if (timer === null) {
      busy(false);
    }
  }

  function setWidth(value) {
    width = value;
    for (const button of widthButtons) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.width) === width));
    }
    panel.dataset.width = String(width);
    fit();
  }

  function open(isOpen) {
    panel.hidden = !isOpen;
    if (!isOpen) {
      clearTimeout(timer);
      timer = null;
      if (!loading) busy(false);
    }
    toggle.setAttribute("aria-expanded", String(isOpen));
    document.body.classList.toggle("live-preview-open", isOpen);
    remember();
    if (isOpen) {
      fit();
      refresh();
    }
  }

  // CKEditor 5 instances appear once each editor has loaded (FAQ answers and new rows too): watch each one.
  function watchEditors() {
    for (const editor of Object.values(window.editors || {})) {
      if (watchedEditors.has(editor)) continue;
      watchedEditors.add(editor);
      editor.model.document.on("change:data", schedule);
    }
  }

  frames.forEach((frame, index) => frame.addEventListener("load", () => loaded(index)));
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  document.addEventListener("formset:added", schedule);
  document.addEventListener("formset:removed", schedule);
  setInterval(watchEditors, 1000);
  watchEditors();
  toggle.addEventListener("click", () => open(panel.hidden));
  panel.querySelector("[data-live-preview-close]").addEventListener("click", () => {
    open(false);
    toggle.focus();
  });
  for (const button of widthButtons) {
    button.addEventListener("click", () => {
      setWidth(Number(button.dataset.width));
      remember();
    });
  }
  if (window.ResizeObserver) new ResizeObserver(fit).observe(viewport);
  window.addEventListener("resize", fit);

  toggle.closest(".live-preview-toggle").hidden = false;
  const saved = remembered();
  setWidth(saved.width === 390 ? 390 : 1280);
  if (saved.open) open(true);
});
