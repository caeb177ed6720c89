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


def display_p3_profile():
    """A Display P3 colour profile (the wide gamut of recent phones and Macs), written out from its published
    primaries as a small ICC version 2 matrix profile: Pillow can only make sRGB and Lab ones itself."""
    import struct

    def number(value):  # ICC s15Fixed16
        return struct.pack(">i", round(value * 65536))

    def xyz(x, y, z):
        return b"XYZ \0\0\0\0" + number(x) + number(y) + number(z)

    description = b"Display P3\0"
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"  # gamma 2.2, padded to 4 bytes
    tags = [
        (b"desc", b"desc\0\0\0\0" + struct.pack(">I", len(description)) + description + bytes(4 + 4 + 2 + 1 + 67)),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.5151, 0.2412, -0.0011)),  # the primaries, adapted to D50 as ICC profiles keep them
        (b"gXYZ", xyz(0.2920, 0.6922, 0.0419)),
        (b"bXYZ", xyz(0.1571, 0.0666, 0.7841)),
        (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0No copyright, test data\0"),
    ]
    offset, table, data = 128 + 4 + 12 * len(tags), b"", b""
    for signature, content in tags:
        content += bytes(-len(content) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(content))
        data += content
    size = offset + len(data)
    header = (
        struct.pack(">I", size) + b"\0\0\0\0" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp" + bytes(4 + 4 + 4 + 4 + 8) + struct.pack(">I", 0)
        + number(0.9642) + number(1.0) + number(0.8249) + bytes(4 + 44)
    )
    return header + struct.pack(">I", len(tags)) + table + data
