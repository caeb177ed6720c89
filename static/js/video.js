/* A video on a page is a link to it (publishing/rich_text.py): nothing is fetched from YouTube or Vimeo until a
   patient presses it. Then this puts the player in its place, from the address the page's
   Content-Security-Policy allows (YouTube's privacy-enhanced host, Vimeo without tracking). Without this script the
   link simply opens the video on its own site. */
document.addEventListener("click", function (event) {
  "use strict";
  const link = event.target.closest && event.target.closest("a.video__play[data-player]");
  // A click meant for a new tab or window opens the video's own page, as any link does.
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const player = document.createElement("iframe");
  player.src = link.dataset.player;
  player.title = link.textContent.trim().replace(/^Play the video/, "Video");
  player.className = "video__player";
  player.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
  link.replaceWith(player);
  player.focus();
});
