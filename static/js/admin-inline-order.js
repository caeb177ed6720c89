/* The order of a page's inline items (FAQs, before-and-after pairs): drag an item by its title bar, or use its
   "Move up" and "Move down" buttons (keyboard users, switch users, anyone who would rather not drag). Positions
   are written into the items' order fields, hidden once this runs; without JavaScript staff type the numbers.
   A screen reader hears where the item went. New items go last, as the server puts an item without a position.

   Django numbers the forms (faqs-0, faqs-1...) by their place in the page when an added item is removed, and a
   form's number must not move between saved and new ones: the items are put back in that order for Django's
   handler, and in the order staff chose after it. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  function items(group) {
    return [...group.querySelectorAll(".inline-related:not(.empty-form)")];
  }

  function orderInput(item) {
    return item.querySelector("input[name$='-order']");
  }

  function name(item) {
    const heading = item.querySelector("h3");
    const kind = heading.querySelector("b");
    const label = heading.querySelector(".inline_label");
    return ((kind ? kind.textContent : "") + " " + (label ? label.firstChild.textContent : "")).trim();
  }

  function isSaved(item) {
    const id = item.querySelector("input[type=hidden][name$='-id']");
    return Boolean(id && id.value);
  }

  function isUntouched(item) {
    // A new item no one has typed into is not saved by Django: giving it a position would make it "changed".
    return [...item.querySelectorAll("input, textarea, select")].every((control) => {
      if (control === orderInput(item) || control.type === "hidden") return true;
      if (control.type === "checkbox" || control.type === "radio") return control.checked === control.defaultChecked;
      if (control.type === "file") return control.files.length === 0;
      if (control.tagName === "SELECT") return [...control.options].every((o) => o.selected === o.defaultSelected);
      return control.value === control.defaultValue;
    });
  }

  function renumber(group) {
    let position = 0;
    for (const item of items(group)) {
      const input = orderInput(item);
      if (!input) continue;
      input.value = !isSaved(item) && isUntouched(item) ? "" : String(++position);
    }
  }

  function place(group, sequence) {
    const template = group.querySelector(".inline-related.empty-form");
    for (const item of sequence) {
      if (template) template.before(item);
      else group.append(item);
    }
  }

  function formNumber(item) {
    return Number(item.id.split("-").pop());
  }

  function setUp(group) {
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    group.prepend(status);
    let dragged = null;
    let before = null;

    function announce(text) {
      status.textContent = text;
    }

    function moved(item) {
      group.dataset.moved = "1";
      renumber(group);
      const list = items(group);
      announce(`${name(item)} moved to position ${list.indexOf(item) + 1} of ${list.length}.`);
    }

    function move(item, step, button) {
      const list = items(group);
      const to = list.indexOf(item) + step;
      if (to < 0 || to >= list.length) {
        announce(`${name(item)} is already ${step < 0 ? "first" : "last"}.`);
        return;
      }
      if (step < 0) list[to].before(item);
      else list[to].after(item);
      button.focus(); // moving the item took the focus from its button
      moved(item);
    }

    function enhance(item) {
      if (item.dataset.ordered || !orderInput(item)) return;
      item.dataset.ordered = "1";
      const row = orderInput(item).closest(".form-row");
      if (row && !row.classList.contains("errors")) row.hidden = true;
      const heading = item.querySelector("h3");
      heading.draggable = true;
      heading.classList.add("inline-order__grip");
      const grip = document.createElement("span");
      grip.className = "inline-order__handle";
      grip.setAttribute("aria-hidden", "true");
      grip.textContent = "⠿";
      heading.prepend(grip);
      const tools = document.createElement("div");
      tools.className = "inline-order__tools";
      for (const [label, step] of [["Move up", -1], ["Move down", 1]]) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button inline-order__move";
        button.textContent = label;
        button.setAttribute("aria-label", `${label}: ${name(item)}`); // which item, starting with what is shown
        button.addEventListener("click", () => move(item, step, button));
        tools.append(button);
      }
      heading.after(tools);
    }

    items(group).forEach(enhance);
    document.addEventListener("formset:added", (event) => {
      if (group.contains(event.target)) enhance(event.target);
    });

    // Around Django's removal of an added item: its numbering, then the order staff chose.
    let shown = null;
    group.addEventListener("click", (event) => {
      if (!event.target.closest(".inline-deletelink")) return;
      shown = items(group);
      place(group, [...shown].sort((a, b) => formNumber(a) - formNumber(b)));
    }, true);
    group.addEventListener("click", (event) => {
      if (!shown || !event.target.closest(".inline-deletelink")) return;
      place(group, shown.filter((item) => item.isConnected));
      shown = null;
      if (group.dataset.moved) renumber(group);
    });

    group.addEventListener("dragstart", (event) => {
      const heading = event.target.closest && event.target.closest("h3.inline-order__grip");
      if (!heading) return;
      dragged = heading.closest(".inline-related");
      before = items(group).indexOf(dragged);
      dragged.classList.add("inline-order__dragged");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", name(dragged));
    });
    group.addEventListener("dragover", (event) => {
      if (!dragged) return;
      const over = event.target.closest(".inline-related:not(.empty-form)");
      event.preventDefault();
      if (!over || over === dragged || !group.contains(over)) return;
      const box = over.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) over.before(dragged);
      else over.after(dragged);
    });
    group.addEventListener("drop", (event) => {
      if (dragged) event.preventDefault();
    });
    group.addEventListener("dragend", () => {
      if (!dragged) return;
      dragged.classList.remove("inline-order__dragged");
      if (items(group).indexOf(dragged) !== before) moved(dragged);
      dragged = null;
    });

    const form = group.closest("form");
    if (form) {
      form.addEventListener("submit", () => {
        if (group.dataset.moved) renumber(group); // what was typed since the last move counts too
      });
    }
  }

  // Restoring unsaved typing (admin-autosave.js) brings back positions: the items follow them.
  document.addEventListener("click", (event) => {
    if (!event.target.closest("#autosave-restore")) return;
    setTimeout(() => {
      for (const group of document.querySelectorAll("fieldset.ordered-inline")) {
        const position = (item) => Number(orderInput(item).value) || Infinity;
        place(group, items(group).sort((a, b) => position(a) - position(b) || formNumber(a) - formNumber(b)));
      }
    });
  });

  document.querySelectorAll("fieldset.ordered-inline").forEach(setUp);
});
