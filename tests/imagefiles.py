"""Small image files made in memory for upload tests."""

from io import BytesIO

from PIL import Image


def image_bytes(format="PNG", size=(8, 6)):
    buffer = BytesIO()
    Image.new("RGB", size, (200, 120, 90)).save(buffer, format=format)
    return buffer.getvalue()


def png_bytes():
    return image_bytes("PNG")


def jpeg_with_gps_and_rotation(size=(40, 20)):
    """A JPEG that says 'rotate 90°' and carries a GPS position and a comment, as phone photos do."""
    from PIL import ExifTags

    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    buffer = BytesIO()
    Image.new("RGB", size, (10, 120, 90)).save(buffer, "JPEG", exif=exif.tobytes(), comment=b"Patient: J. Smith")
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny PNG file whose header declares a huge image (a decompression bomb)."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 10))
        + chunk(b"IEND", b"")
    )
