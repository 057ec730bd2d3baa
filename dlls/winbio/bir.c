/*
 * Biometric information records (WINBIO_BIR) for captured images
 *
 * Copyright the winbio project developers
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, write to the Free Software
 * Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301, USA
 */

/*
 * A captured image is handed out as one WinBioFree()-able block: the
 * WINBIO_BIR, its header block and a standard data block in the ANSI INCITS
 * 381 finger image layout (a general header, one record, the pixels), each
 * block starting on a WINBIO_BIR_ALIGN_SIZE boundary.
 */

#include "winbio_private.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

#define ANSI_381_FORMAT_IDENTIFIER 0x46495200   /* "FIR\0" */
#define ANSI_381_VERSION_NUMBER    0x30313000   /* "010\0" */

static SIZE_T align_block( SIZE_T offset )
{
    return (offset + WINBIO_BIR_ALIGN_SIZE - 1) & ~(SIZE_T)(WINBIO_BIR_ALIGN_SIZE - 1);
}

/* The ANSI 381 image acquisition level that fits a scan resolution. */
static USHORT acquisition_level( USHORT ppi )
{
    if (ppi >= 1000) return WINBIO_ANSI_381_IMG_ACQ_LEVEL_41;
    if (ppi >= 500) return WINBIO_ANSI_381_IMG_ACQ_LEVEL_31;
    if (ppi >= 250) return WINBIO_ANSI_381_IMG_ACQ_LEVEL_20;
    return WINBIO_ANSI_381_IMG_ACQ_LEVEL_10;
}

HRESULT bir_from_image( const BYTE *pixels, UINT32 width, UINT32 height, UINT32 ppmm_x100,
                        WINBIO_BIR_PURPOSE purpose, BOOL swipe, WINBIO_BIR **ret, SIZE_T *ret_size )
{
    WINBIO_BDB_ANSI_381_HEADER *ansi;
    WINBIO_BDB_ANSI_381_RECORD *record;
    WINBIO_BIR_HEADER *header;
    SIZE_T header_offset, data_offset, data_size, image_size, total;
    WINBIO_BIR *bir;
    FILETIME now;
    USHORT ppi;

    if (!width || !height || width > 0xffff || height > 0xffff) return WINBIO_E_NO_CAPTURE_DATA;
    image_size = (SIZE_T)width * height;
    header_offset = align_block( sizeof(WINBIO_BIR) );
    data_offset = align_block( header_offset + sizeof(WINBIO_BIR_HEADER) );
    data_size = sizeof(*ansi) + sizeof(*record) + image_size;
    total = data_offset + data_size;
    if (!(bir = winbio_alloc( total ))) return E_OUTOFMEMORY;

    /* libfprint reports pixels per millimetre; ANSI 381 wants pixels per
     * inch, and never 0.  No image driver of libfprint 1.94 sets a
     * resolution (tests/replay/native_capture.c shows 0 for all the
     * recorded ones): those get 500 ppi, the usual one of fingerprint
     * sensors and the least of acquisition level 31. */
    ppi = ppmm_x100 ? (ppmm_x100 * 254 + 5000) / 10000 : 500;

    bir->HeaderBlock.Offset = header_offset;
    bir->HeaderBlock.Size = sizeof(*header);
    bir->StandardDataBlock.Offset = data_offset;
    bir->StandardDataBlock.Size = data_size;

    header = (WINBIO_BIR_HEADER *)((BYTE *)bir + header_offset);
    header->ValidFields = WINBIO_BIR_FIELD_CBEFF_HEADER_VERSION | WINBIO_BIR_FIELD_PATRON_HEADER_VERSION |
                          WINBIO_BIR_FIELD_BIOMETRIC_TYPE | WINBIO_BIR_FIELD_BIOMETRIC_SUBTYPE |
                          WINBIO_BIR_FIELD_BIOMETRIC_PURPOSE | WINBIO_BIR_FIELD_QUALITY |
                          WINBIO_BIR_FIELD_CREATION_DATE;
    header->HeaderVersion = WINBIO_CBEFF_HEADER_VERSION;
    header->PatronHeaderVersion = WINBIO_PATRON_HEADER_VERSION;
    header->DataFlags = WINBIO_DATA_FLAG_RAW;
    header->Type = WINBIO_TYPE_FINGERPRINT;
    header->Subtype = WINBIO_SUBTYPE_NO_INFORMATION;   /* which finger touched is unknown */
    header->Purpose = purpose;
    header->DataQuality = WINBIO_DATA_QUALITY_NOT_SET;
    GetSystemTimeAsFileTime( &now );
    header->CreationDate.u.LowPart = now.dwLowDateTime;
    header->CreationDate.u.HighPart = now.dwHighDateTime;
    header->BiometricDataFormat.Owner = WINBIO_ANSI_381_FORMAT_OWNER;
    header->BiometricDataFormat.Type = WINBIO_ANSI_381_FORMAT_TYPE;

    ansi = (WINBIO_BDB_ANSI_381_HEADER *)((BYTE *)bir + data_offset);
    ansi->RecordLength = data_size;
    ansi->FormatIdentifier = ANSI_381_FORMAT_IDENTIFIER;
    ansi->VersionNumber = ANSI_381_VERSION_NUMBER;
    ansi->ImageAcquisitionLevel = acquisition_level( ppi );
    ansi->HorizontalScanResolution = ppi;
    ansi->VerticalScanResolution = ppi;
    ansi->HorizontalImageResolution = ppi;
    ansi->VerticalImageResolution = ppi;
    ansi->ElementCount = 1;
    ansi->ScaleUnits = WINBIO_ANSI_381_PIXELS_PER_INCH;
    ansi->PixelDepth = 8;
    ansi->ImageCompressionAlg = WINBIO_ANSI_381_IMG_UNCOMPRESSED;

    record = (WINBIO_BDB_ANSI_381_RECORD *)(ansi + 1);
    record->BlockLength = sizeof(*record) + image_size;
    record->HorizontalLineLength = width;
    record->VerticalLineLength = height;
    record->Position = WINBIO_ANSI_381_POS_UNKNOWN;
    record->CountOfViews = 1;
    record->ViewNumber = 1;
    record->ImageQuality = 254;
    record->ImpressionType = swipe ? WINBIO_ANSI_381_IMP_TYPE_SWIPE : WINBIO_ANSI_381_IMP_TYPE_LIVE_SCAN_PLAIN;
    memcpy( record + 1, pixels, image_size );

    TRACE( "%ux%u image at %u ppi, %Iu bytes\n", width, height, ppi, total );
    *ret = bir;
    *ret_size = total;
    return S_OK;
}
