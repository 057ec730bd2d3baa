#!/usr/bin/env python3
# Compares a binary PGM, or the 8-bit BMP winbio-demo.exe saves, with the
# PNG libfprint's test suite expects for a recording: same size, and every
# pixel equal to the PNG's green channel (the channel libfprint's own test
# compares).  Exit status 0 when equal.
#
#   compare.py capture.png captured.pgm|captured.bmp
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path):
    """Width, height and the green (or grey) channel of an 8-bit PNG."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError(path + ': not a PNG')
    pos, chunks = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            chunks += body
    if depth != 8 or interlace:
        raise ValueError(path + ': only 8-bit, non-interlaced PNGs are read')
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    stride = width * channels
    raw = zlib.decompress(chunks)
    previous = bytearray(stride)
    green = bytearray()
    pick = 1 if colour in (2, 6) else 0
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                line[x] = (line[x] + paeth(left, up, corner)) & 255
        green += line[pick::channels]
        previous = line
    return width, height, bytes(green)


def read_pgm(path):
    data = open(path, 'rb').read()
    fields = data.split(None, 4)
    if fields[0] != b'P5' or fields[3] != b'255':
        raise ValueError(path + ': not an 8-bit binary PGM')
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][:width * height]


def read_bmp(path):
    """An 8-bit BMP with a palette, each pixel its palette entry's green."""
    data = open(path, 'rb').read()
    if data[:2] != b'BM':
        raise ValueError(path + ': not a BMP')
    offset, header = struct.unpack('<II', data[10:18])
    width, height, _, bits = struct.unpack('<iiHH', data[18:30])
    if bits != 8:
        raise ValueError(path + ': only 8-bit BMPs are read')
    palette = data[14 + header:offset]
    stride = (width + 3) & ~3
    rows = abs(height)
    pixels = bytearray()
    for y in range(rows):
        # a positive height stores the rows bottom up
        row = rows - 1 - y if height > 0 else y
        line = data[offset + row * stride:offset + row * stride + width]
        pixels += bytes(palette[4 * value + 1] for value in line)
    return width, rows, bytes(pixels)


def main():
    pw, ph, png = read_png(sys.argv[1])
    with open(sys.argv[2], 'rb') as f:
        bmp = f.read(2) == b'BM'
    gw, gh, pgm = (read_bmp if bmp else read_pgm)(sys.argv[2])
    if (pw, ph) != (gw, gh):
        print('size %ux%u, expected %ux%u' % (gw, gh, pw, ph))
        return 1
    differ = sum(1 for a, b in zip(png, pgm) if a != b)
    if differ or len(pgm) != len(png):
        print('%u of %u pixels differ' % (differ, len(png)))
        return 1
    print('%ux%u, every pixel equal' % (pw, ph))
    return 0


if __name__ == '__main__':
    sys.exit(main())
