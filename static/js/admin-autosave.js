/* Nothing typed into a page's form is lost.
   Every few seconds, when something changed, the form is sent to the server (publishing's autosave
   view) and kept in this browser too; those requests also keep the session alive while someone works.
   On opening the form, text kept since the page was last saved is offered back. Leaving with unsaved
   changes asks first. A save after signing in again in another tab uses the new CSRF token. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const status = document.getElementById("autosave-status");
  const form = status && document.querySelector("#content-main form");
  if (!form) return;
  const url = status.dataset.url;
  const storageKey = "clinic-autosave:" + status.dataset.key;
  const pageSavedAt = Date.parse(status.dataset.pageSavedAt) || 0;
  const seconds = Number(status.dataset.seconds) || 5;
  const SKIPPED = new Set(["csrfmiddlewaretoken", "edit_version"]);
  const SKIPPED_TYPES = new Set(["file", "submit", "button", "reset", "image"]);

  function formFields() {
    const fields = {};
    for (const element of form.elements) {
      if (!element.name || SKIPPED.has(element.name) || SKIPPED_TYPES.has(element.type)) continue;
      const values = (fields[element.name] = fields[element.name] || []);
      if (element.type === "checkbox" || element.type === "radio") {
        if (element.checked) values.push(element.value);
      } else if (element.type === "select-multiple") {
        for (const option of element.selectedOptions) values.push(option.value);
      } else {
        values.push(element.value);
      }
    }
    return fields;
  }

  function restore(fields) {
    for (const element of form.elements) {
      const values = fields[element.name];
      if (!values || SKIPPED.has(element.name) || SKIPPED_TYPES.has(element.type)) continue;
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.includes(element.value);
      } else if (element.type === "select-multiple") {
        for (const option of element.options) option.selected = values.includes(option.value);
      } else if (window.editors && window.editors[element.id]) {
        window.editors[element.id].setData(values[0] || "");
      } else {
        element.value = values[0] || "";
      }
    }
  }

  function cookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  function say(text, alert) {
    status.textContent = text;
    status.setAttribute("role", alert ? "alert" : "status");
  }

  function timeOf(date) {
    return date.toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit" });
  }

  // Offer back what was kept since the page was last saved: from the server, or from this browser.
  const fromServer = JSON.parse(document.getElementById("autosave-data").textContent || "null");
  let fromBrowser = null;
  try {
    fromBrowser = JSON.parse(localStorage.getItem(storageKey) || "null");
  } catch (error) { /* storage unavailable: the server copy is enough */ }
  if (fromBrowser && fromBrowser.savedAt <= pageSavedAt) {
    localStorage.removeItem(storageKey);  // the page was saved after it
    fromBrowser = null;
  }
  const candidates = [fromBrowser, fromServer && { fields: fromServer.fields, savedAt: Date.parse(fromServer.saved_at) }]
    .filter(Boolean).sort((a, b) => b.savedAt - a.savedAt);
  const offered = candidates[0];
  const loaded = JSON.stringify(formFields());
  if (offered && JSON.stringify(offered.fields) !== loaded) {
    document.getElementById("autosave-offer-text").textContent =
      "You have unsaved changes to this page from " +
      new Date(offered.savedAt).toLocaleString(document.documentElement.lang || undefined) +
      ", kept automatically. ";
    document.getElementById("autosave-offer").hidden = false;
    document.getElementById("autosave-restore").addEventListener("click", () => {
      restore(offered.fields);
      document.getElementById("autosave-offer").hidden = true;
      say("Your unsaved changes are back in the form. Save to keep them on the page.");
    });
  }

  let lastSent = loaded;
  let submitting = false;

  async function keep() {
    const fields = formFields();
    const snapshot = JSON.stringify(fields);
    if (snapshot === lastSent || submitting) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify({ fields: fields, savedAt: Date.now() }));
    } catch (error) { /* full or unavailable: the server copy still works */ }
    try {
      const response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",  // a signed-out session answers with a redirect to the sign-in page
        headers: { "Content-Type": "application/json", "X-CSRFToken": cookie("csrftoken") },
        body: JSON.stringify({ fields: fields }),
      });
      if (response.ok) {
        lastSent = snapshot;
        say("Changes kept automatically at " + timeOf(new Date()) + ". They are not on the page until you save.");
      } else if (response.type === "opaqueredirect" || response.status === 403) {
        say("You have been signed out. Your text is kept in this browser: sign in again in a new tab, " +
            "then come back here and save.", true);
      } else {
        say("Your changes could not be kept automatically just now; they are still in the form.", true);
      }
    } catch (error) {
      say("No connection: your changes are kept in this browser until the connection is back.", true);
    }
  }

  // Buttons that lose work or take a page down ask first.
  for (const button of form.querySelectorAll("[data-confirm]")) {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }

  setInterval(keep, seconds * 1000);
  form.addEventListener("submit", () => {
    submitting = true;
    // After signing in again elsewhere the token in this form is out of date: use the current one.
    const token = cookie("csrftoken");
    const field = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (token && field) field.value = token;
  });
  window.addEventListener("beforeunload", (event) => {
    if (!submitting && JSON.stringify(formFields()) !== loaded) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
});
