"""Backups encrypted with CLINIC_BACKUP_KEY, streamed in 1 MiB chunks: memory use stays small whatever the size.

The format (version 1): a header (MAGIC, the version, a random salt, a check value of the key), then chunks,
each a 4-byte length (its top bit marks the last chunk) and the chunk sealed with AES-256-GCM. Each file gets
its own key (HKDF of the configured key and the file's salt); a chunk's nonce is its number and whether it is
the last, and every chunk authenticates the header: a changed, reordered, cut or appended byte is refused.
"""

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"ClinicBackupEnc\n"  # readable with `head -c 16`
VERSION = 1
SALT_BYTES = CHECK_BYTES = 16
HEADER_BYTES = len(MAGIC) + 1 + SALT_BYTES + CHECK_BYTES
CHUNK = 1024 * 1024
TAG_BYTES = 16
LAST = 0x8000_0000

NO_KEY = "This backup is encrypted: set CLINIC_BACKUP_KEY to the key it was written with."
WRONG_KEY = (
    "This backup was encrypted with a different key: set CLINIC_BACKUP_KEY to the key it was written with."
)
DAMAGED = "This backup is damaged or was altered after it was written: nothing was restored from it."
CUT_SHORT = "This backup is incomplete (the file ends early, as when a copy is cut short): nothing was restored."


class BackupError(Exception):
    """A backup that cannot be written or read, with a message for the operator."""


def generate_key():
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def parse_key(text):
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise BackupError(
            "CLINIC_BACKUP_KEY is not a backup key (32 random bytes in URL-safe base64): make one with "
            "`python manage.py backup --generate-key`."
        )
    return key


def derive(key, salt, purpose):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(key)


def key_check(key):
    return derive(key, b"", b"clinic-site backup key check")[:CHECK_BYTES]


def nonce(number, last):
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def is_encrypted(path):
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


class EncryptingWriter:
    """A file-like object to write into: seals what it is given into `file`. close() writes the last chunk."""

    def __init__(self, file, key):
        salt = os.urandom(SALT_BYTES)
        self.header = MAGIC + bytes([VERSION]) + salt + key_check(key)
        self.cipher = AESGCM(derive(key, salt, b"clinic-site backup v1"))
        self.file, self.buffer, self.number = file, bytearray(), 0
        file.write(self.header)

    def write(self, data):
        self.buffer += data
        while len(self.buffer) > CHUNK:  # keep at least one byte back: the last chunk is never empty unless all is
            self.seal(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def close(self):
        self.seal(bytes(self.buffer), last=True)
        self.buffer.clear()

    def seal(self, plain, last):
        sealed = self.cipher.encrypt(nonce(self.number, last), plain, self.header)
        self.file.write((len(sealed) | (LAST if last else 0)).to_bytes(4, "big") + sealed)
        self.number += 1


def decrypted_chunks(file, key):
    """The plain chunks of the encrypted backup open in `file`, each checked before it is given out."""
    header = file.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
        raise BackupError(CUT_SHORT if MAGIC.startswith(header[: len(MAGIC)]) else DAMAGED)
    if header[len(MAGIC)] != VERSION:
        raise BackupError(f"This backup has encryption format {header[len(MAGIC)]}, newer than this version "
                          "of the site reads: restore it with the version that wrote it.")
    salt = header[len(MAGIC) + 1 : -CHECK_BYTES]
    if header[-CHECK_BYTES:] != key_check(key):
        raise BackupError(WRONG_KEY)
    cipher = AESGCM(derive(key, salt, b"clinic-site backup v1"))
    number = 0
    while True:
        prefix = file.read(4)
        if len(prefix) < 4:
            raise BackupError(CUT_SHORT)
        length, last = int.from_bytes(prefix, "big") & ~LAST, bool(int.from_bytes(prefix, "big") & LAST)
        if length > CHUNK + TAG_BYTES:
            raise BackupError(DAMAGED)
        sealed = file.read(length)
        if len(sealed) < length:
            raise BackupError(CUT_SHORT)
        try:
            yield cipher.decrypt(nonce(number, last), sealed, header)
        except InvalidTag:
            raise BackupError(DAMAGED) from None
        number += 1
        if last:
            if file.read(1):
                raise BackupError(DAMAGED)  # something was appended after the end
            return


class DecryptingReader:
    """A file-like object to read the plain archive from (tarfile's stream mode needs only read())."""

    def __init__(self, file, key):
        self.chunks, self.chunk, self.offset = decrypted_chunks(file, key), b"", 0

    def read(self, size=-1):
        parts = []
        while size != 0:
            if self.offset == len(self.chunk):
                self.chunk, self.offset = next(self.chunks, b""), 0
                if not self.chunk:
                    break
            end = len(self.chunk) if size < 0 else min(len(self.chunk), self.offset + size)
            parts.append(self.chunk[self.offset : end])
            size = size if size < 0 else size - (end - self.offset)
            self.offset = end
        return b"".join(parts)
