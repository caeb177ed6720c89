"""Videos in rich text: YouTube and Vimeo only, recognised from any address staff paste, stored as one canonical
address (in CKEditor 5's `<figure class="media"><oembed url="…"></oembed></figure>`), and shown to patients as a
link that loads the player only when pressed (publishing.rich_text)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com",
                 "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
YOUTUBE_PATHS = re.compile(r"/(?:embed|shorts|v|live)/([^/]+)/?")
VIMEO_PATHS = re.compile(r"/(?:video/|channels/[\w-]+/|groups/[\w-]+/videos/)?(\d{1,12})(?:/([0-9a-f]+))?/?")
# The only sites whose players a page may frame (its Content-Security-Policy says so, only on pages with videos).
PLAYER_ORIGINS = {"YouTube": "https://www.youtube-nocookie.com", "Vimeo": "https://player.vimeo.com"}


@dataclass(frozen=True)
class Video:
    provider: str  # "YouTube" or "Vimeo"
    id: str
    start: int = 0  # seconds (YouTube)
    hash: str = ""  # an unlisted Vimeo video's key

    @property
    def url(self):
        """The address stored in the page, and the one patients follow without JavaScript."""
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.id}" + (f"&t={self.start}" if self.start else "")
        return f"https://vimeo.com/{self.id}" + (f"/{self.hash}" if self.hash else "")

    @property
    def player_url(self):
        """The player, framed only once a patient presses play: YouTube's privacy-enhanced host, Vimeo without
        tracking."""
        if self.provider == "YouTube":
            return f"{PLAYER_ORIGINS['YouTube']}/embed/{self.id}?autoplay=1" + (
                f"&start={self.start}" if self.start else "")
        return f"{PLAYER_ORIGINS['Vimeo']}/video/{self.id}?dnt=1&autoplay=1" + (f"&h={self.hash}" if self.hash else "")

    @property
    def player_origin(self):
        return PLAYER_ORIGINS[self.provider]


def video_at(address):
    """The YouTube or Vimeo video at `address` (as pasted: with or without https://, a share link, an embed
    address), or None for anything else."""
    address = (address or "").strip()
    if not re.match(r"^https?://", address, re.IGNORECASE):
        address = "https://" + address
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.username is not None or parts.password is not None or port is not None or parts.scheme.lower() not in (
        "http", "https"
    ):
        return None  # "https://youtube.com@evil.example/", "https://youtube.com:8080/"
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parts.path.strip("/")
        elif parts.path == "/watch":
            video_id = (query.get("v") or [""])[0]
        else:
            video_id = match.group(1) if (match := YOUTUBE_PATHS.fullmatch(parts.path)) else ""
        if not YOUTUBE_ID.fullmatch(video_id):
            return None
        start = (query.get("t") or query.get("start") or ["0"])[0].removesuffix("s")
        return Video("YouTube", video_id, int(start) if start.isdigit() and len(start) < 6 else 0)
    if host in VIMEO_HOSTS:
        match = VIMEO_PATHS.fullmatch(parts.path)
        if not match or (host == "player.vimeo.com") != parts.path.startswith("/video/"):
            return None
        video_hash = match.group(2) or (query.get("h") or [""])[0]
        return Video("Vimeo", match.group(1), hash=video_hash if VIMEO_HASH.fullmatch(video_hash) else "")
    return None


def canonical_video_url(address):
    """The stored form of a video address, or None when it is not a YouTube or Vimeo video."""
    video = video_at(address)
    return video.url if video else None
