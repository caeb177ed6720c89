/* The focal point of a library image (images/admin.py): click or tap the picture, or focus it and use the arrow
   keys (Shift for bigger steps); the two number fields show the values and can be typed into. The crop previews
   follow, as cards, share images and the hero will crop. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const frame = document.querySelector("[data-focal-picker]");
  const form = frame && frame.closest("form");
  if (!form || !form.elements.focal_x) return;
  const xInput = form.elements.focal_x;
  const yInput = form.elements.focal_y;
  const marker = frame.querySelector("[data-focal-marker]");
  const crops = document.querySelectorAll("[data-focal-crop]");
  const status = document.querySelector("[data-focal-status]");
  const clamp = (value) => Math.min(100, Math.max(0, Math.round(Number(value) || 0)));

  function show() {
    const x = clamp(xInput.value), y = clamp(yInput.value);
    marker.style.left = x + "%";
    marker.style.top = y + "%";
    status.textContent = "Focal point " + x + "% across, " + y + "% down.";
    for (const crop of crops) crop.style.objectPosition = x + "% " + y + "%";
  }

  function set(x, y) {
    xInput.value = clamp(x);
    yInput.value = clamp(y);
    show();
  }

  frame.addEventListener("click", (event) => {
    const box = frame.querySelector("img").getBoundingClientRect();
    set((event.clientX - box.left) / box.width * 100, (event.clientY - box.top) / box.height * 100);
  });
  frame.addEventListener("keydown", (event) => {
    const step = event.shiftKey ? 10 : 1;
    const moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    set(clamp(xInput.value) + move[0], clamp(yInput.value) + move[1]);
  });
  xInput.addEventListener("input", show);
  yInput.addEventListener("input", show);
  show();
});
