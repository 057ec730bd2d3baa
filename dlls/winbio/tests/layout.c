/*
 * Layout and constant conformance tests for the winbio headers
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
 * Every expected number below is a literal: either a size given by the
 * reference tables or one worked out by hand from the field list with the
 * natural (default) alignment of 32-bit and 64-bit Windows.  Where the two
 * differ (SIZE_T and pointer members) the macro W64() picks the value.
 */

#include <stdarg.h>
#include <stddef.h>

#include "windef.h"
#include "winbase.h"
#include "winbio.h"

#include "wine/test.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))
#endif

#ifdef _WIN64
# define W64(x86, x64) (x64)
#else
# define W64(x86, x64) (x86)
#endif

/* alignment of a type when it is a structure member */
#define TYPE_ALIGN(type) offsetof(struct { char c; type t; }, t)

/* size of a member, without needing an object */
#define FIELD_SIZE(type, field) sizeof(((type *)0)->field)

#define check_size(type, expect) \
    ok(sizeof(type) == (expect), "sizeof(%s) is %u, expected %u\n", #type, \
       (unsigned int)sizeof(type), (unsigned int)(expect))

#define check_align(type, expect) \
    ok(TYPE_ALIGN(type) == (expect), "alignment of %s is %u, expected %u\n", #type, \
       (unsigned int)TYPE_ALIGN(type), (unsigned int)(expect))

#define check_field(type, field, expect) \
    ok(offsetof(type, field) == (expect), "offsetof(%s, %s) is %u, expected %u\n", #type, #field, \
       (unsigned int)offsetof(type, field), (unsigned int)(expect))

#define check_field_size(type, field, expect) \
    ok(FIELD_SIZE(type, field) == (expect), "sizeof(%s.%s) is %u, expected %u\n", #type, #field, \
       (unsigned int)FIELD_SIZE(type, field), (unsigned int)(expect))

/* offset of a field inside one member of WINBIO_ASYNC_RESULT.Parameters,
 * counted from the start of the union */
#define PARAM_OFFSET(member, field) \
    (offsetof(WINBIO_ASYNC_RESULT, Parameters.member.field) - offsetof(WINBIO_ASYNC_RESULT, Parameters))

#define check_param(member, field, expect) \
    ok(PARAM_OFFSET(member, field) == (expect), \
       "offset of %s.%s in WINBIO_ASYNC_RESULT.Parameters is %u, expected %u\n", #member, #field, \
       (unsigned int)PARAM_OFFSET(member, field), (unsigned int)(expect))

#define check_param_size(member, expect) \
    check_field_size(WINBIO_ASYNC_RESULT, Parameters.member, expect)

static void test_base_types(void)
{
    check_size(WINBIO_SESSION_HANDLE, 4);
    check_size(WINBIO_FRAMEWORK_HANDLE, 4);
    check_size(WINBIO_UNIT_ID, 4);
    check_size(WINBIO_UUID, 16);
    check_size(WINBIO_STRING, 512);
    ok(ARRAY_SIZE(((WINBIO_UNIT_SCHEMA *)0)->Description) == WINBIO_MAX_STRING_LEN,
       "WINBIO_STRING holds %u characters, expected %u\n",
       (unsigned int)ARRAY_SIZE(((WINBIO_UNIT_SCHEMA *)0)->Description), WINBIO_MAX_STRING_LEN);
    check_size(WINBIO_BIOMETRIC_TYPE, 4);
    check_size(WINBIO_BIOMETRIC_SUBTYPE, 1);
    check_size(WINBIO_BIOMETRIC_SENSOR_SUBTYPE, 4);
    check_size(WINBIO_CAPABILITIES, 4);
    check_size(WINBIO_POOL_TYPE, 4);
    check_size(WINBIO_SESSION_FLAGS, 4);
    check_size(WINBIO_REJECT_DETAIL, 4);
    check_size(WINBIO_IDENTITY_TYPE, 4);
    check_size(WINBIO_OPERATION_TYPE, 4);
    check_size(WINBIO_EVENT_TYPE, 4);
    check_size(WINBIO_COMPONENT, 4);
    check_size(WINBIO_PROPERTY_TYPE, 4);
    check_size(WINBIO_PROPERTY_ID, 4);
    check_size(WINBIO_FRAMEWORK_CHANGE_TYPE, 4);
    check_size(WINBIO_SETTING_SOURCE_TYPE, 4);
    check_size(WINBIO_PRESENCE_CHANGE, 4);
    check_size(WINBIO_PROTECTION_TICKET, 8);
    check_size(WINBIO_ESS_STATE, 8);
    check_size(WINBIO_BIR_PURPOSE, 1);
    check_size(WINBIO_BIR_DATA_FLAGS, 1);
    check_size(WINBIO_BIR_VERSION, 1);
    check_size(WINBIO_BIR_QUALITY, 1);
    check_size(WINBIO_SCP_VERSION, 2);
    check_size(WINBIO_ASYNC_NOTIFICATION_METHOD, 4);
    check_size(WINBIO_CREDENTIAL_TYPE, 4);
    check_size(WINBIO_CREDENTIAL_FORMAT, 4);
    check_size(WINBIO_CREDENTIAL_STATE, 4);
    check_size(WINBIO_ANTI_SPOOF_POLICY_ACTION, 4);
    check_size(WINBIO_POLICY_SOURCE, 4);

    /* handles are unsigned integers, not pointers */
    ok((WINBIO_SESSION_HANDLE)-1 > 0, "WINBIO_SESSION_HANDLE is not unsigned\n");
    ok((WINBIO_FRAMEWORK_HANDLE)-1 > 0, "WINBIO_FRAMEWORK_HANDLE is not unsigned\n");
    /* the quality is a signed byte */
    ok((WINBIO_BIR_QUALITY)-1 < 0, "WINBIO_BIR_QUALITY is not signed\n");
}

static void test_constants(void)
{
    HRESULT hr;

    ok(WINBIO_TYPE_ANY == 0xc0ffffff, "WINBIO_TYPE_ANY is %#lx\n", (ULONG)WINBIO_TYPE_ANY);
    ok(WINBIO_TYPE_FINGERPRINT == 8, "WINBIO_TYPE_FINGERPRINT is %#lx\n", (ULONG)WINBIO_TYPE_FINGERPRINT);
    ok(WINBIO_STANDARD_TYPE_MASK == 0x00ffffff, "WINBIO_STANDARD_TYPE_MASK is %#lx\n",
       (ULONG)WINBIO_STANDARD_TYPE_MASK);
    ok(WINBIO_TYPE_ANY == (WINBIO_STANDARD_TYPE_MASK | WINBIO_TYPE_OTHER | WINBIO_TYPE_PASSWORD),
       "WINBIO_TYPE_ANY is not the union of the standard, other and password bits\n");
    ok(WINBIO_POOL_SYSTEM == 1, "WINBIO_POOL_SYSTEM is %lu\n", (ULONG)WINBIO_POOL_SYSTEM);
    ok(WINBIO_POOL_PRIVATE == 2, "WINBIO_POOL_PRIVATE is %lu\n", (ULONG)WINBIO_POOL_PRIVATE);
    ok(WINBIO_FLAG_DEFAULT == 0, "WINBIO_FLAG_DEFAULT is %#lx\n", (ULONG)WINBIO_FLAG_DEFAULT);
    ok(WINBIO_FLAG_BASIC == 0x10000, "WINBIO_FLAG_BASIC is %#lx\n", (ULONG)WINBIO_FLAG_BASIC);
    ok(WINBIO_FLAG_ADVANCED == 0x20000, "WINBIO_FLAG_ADVANCED is %#lx\n", (ULONG)WINBIO_FLAG_ADVANCED);
    ok(WINBIO_FLAG_RAW == 1, "WINBIO_FLAG_RAW is %#lx\n", (ULONG)WINBIO_FLAG_RAW);
    ok(WINBIO_FLAG_MAINTENANCE == 2, "WINBIO_FLAG_MAINTENANCE is %#lx\n", (ULONG)WINBIO_FLAG_MAINTENANCE);
    ok(WINBIO_DB_DEFAULT == (GUID *)1, "WINBIO_DB_DEFAULT is %p\n", (void *)WINBIO_DB_DEFAULT);
    ok(WINBIO_DB_BOOTSTRAP == (GUID *)2, "WINBIO_DB_BOOTSTRAP is %p\n", (void *)WINBIO_DB_BOOTSTRAP);
    ok(WINBIO_DB_ONCHIP == (GUID *)3, "WINBIO_DB_ONCHIP is %p\n", (void *)WINBIO_DB_ONCHIP);
    ok(WINBIO_IDENTITY_WILDCARD == 0x25066282, "WINBIO_IDENTITY_WILDCARD is %#lx\n",
       (ULONG)WINBIO_IDENTITY_WILDCARD);
    ok(WINBIO_ID_TYPE_SID == 3, "WINBIO_ID_TYPE_SID is %lu\n", (ULONG)WINBIO_ID_TYPE_SID);
    ok(WINBIO_ID_TYPE_SECURE_ID == 4, "WINBIO_ID_TYPE_SECURE_ID is %lu\n", (ULONG)WINBIO_ID_TYPE_SECURE_ID);
    ok(SECURITY_MAX_SID_SIZE == 68, "SECURITY_MAX_SID_SIZE is %u\n", (unsigned int)SECURITY_MAX_SID_SIZE);
    ok(WINBIO_SUBTYPE_ANY == 0xff, "WINBIO_SUBTYPE_ANY is %#x\n", WINBIO_SUBTYPE_ANY);
    ok(WINBIO_ANSI_381_POS_RH_INDEX_FINGER == 2, "WINBIO_ANSI_381_POS_RH_INDEX_FINGER is %u\n",
       WINBIO_ANSI_381_POS_RH_INDEX_FINGER);
    ok(WINBIO_ANSI_381_POS_LH_HYPOTHENAR == 36, "WINBIO_ANSI_381_POS_LH_HYPOTHENAR is %u\n",
       WINBIO_ANSI_381_POS_LH_HYPOTHENAR);
    ok(WINBIO_FINGER_UNSPECIFIED_POS_10 == 0xfe, "WINBIO_FINGER_UNSPECIFIED_POS_10 is %#x\n",
       WINBIO_FINGER_UNSPECIFIED_POS_10);
    ok(WINBIO_IRIS_EITHER_EYE == 0xfa, "WINBIO_IRIS_EITHER_EYE is %#x\n", WINBIO_IRIS_EITHER_EYE);
    ok(WINBIO_OPERATION_ENROLL_SELECT == 30, "WINBIO_OPERATION_ENROLL_SELECT is %lu\n",
       (ULONG)WINBIO_OPERATION_ENROLL_SELECT);
    ok(WINBIO_OPERATION_IMPROVE_END == 36, "WINBIO_OPERATION_IMPROVE_END is %lu\n",
       (ULONG)WINBIO_OPERATION_IMPROVE_END);
    ok(WINBIO_EVENT_ERROR == 0xffffffff, "WINBIO_EVENT_ERROR is %#lx\n", (ULONG)WINBIO_EVENT_ERROR);
    ok(WINBIO_BIR_FIELD_NEVER_VALID == 0xc00d, "WINBIO_BIR_FIELD_NEVER_VALID is %#x\n",
       WINBIO_BIR_FIELD_NEVER_VALID);
    ok(WINBIO_ANSI_381_FORMAT_OWNER == 0x1b, "WINBIO_ANSI_381_FORMAT_OWNER is %#x\n",
       WINBIO_ANSI_381_FORMAT_OWNER);
    ok(WINBIO_ANSI_381_FORMAT_TYPE == 0x401, "WINBIO_ANSI_381_FORMAT_TYPE is %#x\n",
       WINBIO_ANSI_381_FORMAT_TYPE);
    ok(WINBIO_DATA_QUALITY_NOT_SET == -1, "WINBIO_DATA_QUALITY_NOT_SET is %d\n",
       WINBIO_DATA_QUALITY_NOT_SET);
    ok(WINBIO_DATA_QUALITY_NOT_SUPPORTED == -2, "WINBIO_DATA_QUALITY_NOT_SUPPORTED is %d\n",
       WINBIO_DATA_QUALITY_NOT_SUPPORTED);
    ok(WINBIO_ASYNC_NOTIFY_CALLBACK == 1, "WINBIO_ASYNC_NOTIFY_CALLBACK is %d\n", WINBIO_ASYNC_NOTIFY_CALLBACK);
    ok(WINBIO_ASYNC_NOTIFY_MESSAGE == 2, "WINBIO_ASYNC_NOTIFY_MESSAGE is %d\n", WINBIO_ASYNC_NOTIFY_MESSAGE);
    ok((ULONG)WINBIO_CREDENTIAL_ALL == 0xffffffff, "WINBIO_CREDENTIAL_ALL is %#lx\n",
       (ULONG)WINBIO_CREDENTIAL_ALL);
    ok(WINBIO_MAX_STRING_LEN == 256, "WINBIO_MAX_STRING_LEN is %u\n", WINBIO_MAX_STRING_LEN);
    ok(WINBIO_BIR_ALIGN_SIZE == 8, "WINBIO_BIR_ALIGN_SIZE is %u\n", WINBIO_BIR_ALIGN_SIZE);
    ok(FACILITY_WINBIO == 9, "FACILITY_WINBIO is %u\n", FACILITY_WINBIO);

    /* HRESULT codes */
    ok(sizeof(WINBIO_E_NO_MATCH) == sizeof(HRESULT), "sizeof(WINBIO_E_NO_MATCH) is %u\n",
       (unsigned int)sizeof(WINBIO_E_NO_MATCH));
    ok(WINBIO_E_UNSUPPORTED_FACTOR == (HRESULT)0x80098001, "WINBIO_E_UNSUPPORTED_FACTOR is %#lx\n",
       WINBIO_E_UNSUPPORTED_FACTOR);
    ok(WINBIO_E_CANCELED == (HRESULT)0x80098004, "WINBIO_E_CANCELED is %#lx\n", WINBIO_E_CANCELED);
    ok(WINBIO_E_NO_MATCH == (HRESULT)0x80098005, "WINBIO_E_NO_MATCH is %#lx\n", WINBIO_E_NO_MATCH);
    ok(WINBIO_E_BAD_CAPTURE == (HRESULT)0x80098008, "WINBIO_E_BAD_CAPTURE is %#lx\n", WINBIO_E_BAD_CAPTURE);
    ok(WINBIO_E_DATABASE_FULL == (HRESULT)0x80098018, "WINBIO_E_DATABASE_FULL is %#lx\n",
       WINBIO_E_DATABASE_FULL);
    ok(WINBIO_E_LOCK_VIOLATION == (HRESULT)0x8009802a, "WINBIO_E_LOCK_VIOLATION is %#lx\n",
       WINBIO_E_LOCK_VIOLATION);
    ok(WINBIO_E_INVALID_OPERATION == (HRESULT)0x8009802c, "WINBIO_E_INVALID_OPERATION is %#lx\n",
       WINBIO_E_INVALID_OPERATION);
    ok(WINBIO_E_INCORRECT_SESSION_TYPE == (HRESULT)0x8009803e, "WINBIO_E_INCORRECT_SESSION_TYPE is %#lx\n",
       WINBIO_E_INCORRECT_SESSION_TYPE);
    ok(WINBIO_E_ENROLLMENT_CANCELED_BY_SUSPEND == (HRESULT)0x8009805b,
       "WINBIO_E_ENROLLMENT_CANCELED_BY_SUSPEND is %#lx\n", WINBIO_E_ENROLLMENT_CANCELED_BY_SUSPEND);
    ok(WINBIO_I_MORE_DATA == 0x00090001, "WINBIO_I_MORE_DATA is %#lx\n", WINBIO_I_MORE_DATA);
    ok(WINBIO_I_EXTENDED_STATUS_INFORMATION == 0x00090002, "WINBIO_I_EXTENDED_STATUS_INFORMATION is %#lx\n",
       WINBIO_I_EXTENDED_STATUS_INFORMATION);

    hr = WINBIO_E_NO_MATCH;
    ok(FAILED(hr), "WINBIO_E_NO_MATCH does not count as a failure\n");
    ok(HRESULT_FACILITY(hr) == FACILITY_WINBIO, "facility of WINBIO_E_NO_MATCH is %u\n",
       (unsigned int)HRESULT_FACILITY(hr));
    hr = WINBIO_I_MORE_DATA;
    ok(SUCCEEDED(hr), "WINBIO_I_MORE_DATA does not count as a success\n");
    ok(hr != S_OK, "WINBIO_I_MORE_DATA equals S_OK\n");
    ok(HRESULT_FACILITY(hr) == FACILITY_WINBIO, "facility of WINBIO_I_MORE_DATA is %u\n",
       (unsigned int)HRESULT_FACILITY(hr));
}

static void test_identity(void)
{
    check_size(WINBIO_IDENTITY, 76);
    check_align(WINBIO_IDENTITY, 4);
    check_field(WINBIO_IDENTITY, Type, 0);
    check_field(WINBIO_IDENTITY, Value, 4);
    check_field_size(WINBIO_IDENTITY, Value, 72);
    check_field(WINBIO_IDENTITY, Value.Null, 4);
    check_field(WINBIO_IDENTITY, Value.Wildcard, 4);
    check_field(WINBIO_IDENTITY, Value.TemplateGuid, 4);
    check_field(WINBIO_IDENTITY, Value.AccountSid, 4);
    check_field(WINBIO_IDENTITY, Value.AccountSid.Size, 4);
    check_field(WINBIO_IDENTITY, Value.AccountSid.Data, 8);
    check_field_size(WINBIO_IDENTITY, Value.AccountSid.Data, 68);
    check_field(WINBIO_IDENTITY, Value.SecureId, 4);
    check_field_size(WINBIO_IDENTITY, Value.SecureId, 32);
}

static void test_schemas(void)
{
    check_size(WINBIO_VERSION, 8);
    check_align(WINBIO_VERSION, 4);
    check_field(WINBIO_VERSION, MajorVersion, 0);
    check_field(WINBIO_VERSION, MinorVersion, 4);

    check_size(WINBIO_BSP_SCHEMA, 1052);
    check_align(WINBIO_BSP_SCHEMA, 4);
    check_field(WINBIO_BSP_SCHEMA, BiometricFactor, 0);
    check_field(WINBIO_BSP_SCHEMA, BspId, 4);
    check_field(WINBIO_BSP_SCHEMA, Description, 20);
    check_field(WINBIO_BSP_SCHEMA, Vendor, 532);
    check_field(WINBIO_BSP_SCHEMA, Version, 1044);

    check_size(WINBIO_UNIT_SCHEMA, 2588);
    check_align(WINBIO_UNIT_SCHEMA, 4);
    check_field(WINBIO_UNIT_SCHEMA, UnitId, 0);
    check_field(WINBIO_UNIT_SCHEMA, PoolType, 4);
    check_field(WINBIO_UNIT_SCHEMA, BiometricFactor, 8);
    check_field(WINBIO_UNIT_SCHEMA, SensorSubType, 12);
    check_field(WINBIO_UNIT_SCHEMA, Capabilities, 16);
    check_field(WINBIO_UNIT_SCHEMA, DeviceInstanceId, 20);
    check_field(WINBIO_UNIT_SCHEMA, Description, 532);
    check_field(WINBIO_UNIT_SCHEMA, Manufacturer, 1044);
    check_field(WINBIO_UNIT_SCHEMA, Model, 1556);
    check_field(WINBIO_UNIT_SCHEMA, SerialNumber, 2068);
    check_field(WINBIO_UNIT_SCHEMA, FirmwareVersion, 2580);

    check_size(WINBIO_STORAGE_SCHEMA, 1064);
    check_align(WINBIO_STORAGE_SCHEMA, 4);
    check_field(WINBIO_STORAGE_SCHEMA, BiometricFactor, 0);
    check_field(WINBIO_STORAGE_SCHEMA, DatabaseId, 4);
    check_field(WINBIO_STORAGE_SCHEMA, DataFormat, 20);
    check_field(WINBIO_STORAGE_SCHEMA, Attributes, 36);
    check_field(WINBIO_STORAGE_SCHEMA, FilePath, 40);
    check_field(WINBIO_STORAGE_SCHEMA, ConnectionString, 552);
}

static void test_bir(void)
{
    check_size(WINBIO_REGISTERED_FORMAT, 4);
    check_align(WINBIO_REGISTERED_FORMAT, 2);
    check_field(WINBIO_REGISTERED_FORMAT, Owner, 0);
    check_field(WINBIO_REGISTERED_FORMAT, Type, 2);

    check_size(WINBIO_BIR_DATA, 8);
    check_align(WINBIO_BIR_DATA, 4);
    check_field(WINBIO_BIR_DATA, Size, 0);
    check_field(WINBIO_BIR_DATA, Offset, 4);

    check_size(WINBIO_BIR, 32);
    check_align(WINBIO_BIR, 4);
    check_field(WINBIO_BIR, HeaderBlock, 0);
    check_field(WINBIO_BIR, StandardDataBlock, 8);
    check_field(WINBIO_BIR, VendorDataBlock, 16);
    check_field(WINBIO_BIR, SignatureBlock, 24);

    check_size(WINBIO_BIR_HEADER, 48);
    check_align(WINBIO_BIR_HEADER, 8);
    check_field(WINBIO_BIR_HEADER, ValidFields, 0);
    check_field(WINBIO_BIR_HEADER, HeaderVersion, 2);
    check_field(WINBIO_BIR_HEADER, PatronHeaderVersion, 3);
    check_field(WINBIO_BIR_HEADER, DataFlags, 4);
    check_field(WINBIO_BIR_HEADER, Type, 8);
    check_field(WINBIO_BIR_HEADER, Subtype, 12);
    check_field(WINBIO_BIR_HEADER, Purpose, 13);
    check_field(WINBIO_BIR_HEADER, DataQuality, 14);
    check_field(WINBIO_BIR_HEADER, CreationDate, 16);
    check_field(WINBIO_BIR_HEADER, ValidityPeriod, 24);
    check_field(WINBIO_BIR_HEADER, ValidityPeriod.BeginDate, 24);
    check_field(WINBIO_BIR_HEADER, ValidityPeriod.EndDate, 32);
    check_field(WINBIO_BIR_HEADER, BiometricDataFormat, 40);
    check_field(WINBIO_BIR_HEADER, ProductId, 44);

    check_size(WINBIO_BDB_ANSI_381_HEADER, 40);
    check_align(WINBIO_BDB_ANSI_381_HEADER, 8);
    check_field(WINBIO_BDB_ANSI_381_HEADER, RecordLength, 0);
    check_field(WINBIO_BDB_ANSI_381_HEADER, FormatIdentifier, 8);
    check_field(WINBIO_BDB_ANSI_381_HEADER, VersionNumber, 12);
    check_field(WINBIO_BDB_ANSI_381_HEADER, ProductId, 16);
    check_field(WINBIO_BDB_ANSI_381_HEADER, CaptureDeviceId, 20);
    check_field(WINBIO_BDB_ANSI_381_HEADER, ImageAcquisitionLevel, 22);
    check_field(WINBIO_BDB_ANSI_381_HEADER, HorizontalScanResolution, 24);
    check_field(WINBIO_BDB_ANSI_381_HEADER, VerticalScanResolution, 26);
    check_field(WINBIO_BDB_ANSI_381_HEADER, HorizontalImageResolution, 28);
    check_field(WINBIO_BDB_ANSI_381_HEADER, VerticalImageResolution, 30);
    check_field(WINBIO_BDB_ANSI_381_HEADER, ElementCount, 32);
    check_field(WINBIO_BDB_ANSI_381_HEADER, ScaleUnits, 33);
    check_field(WINBIO_BDB_ANSI_381_HEADER, PixelDepth, 34);
    check_field(WINBIO_BDB_ANSI_381_HEADER, ImageCompressionAlg, 35);
    check_field(WINBIO_BDB_ANSI_381_HEADER, Reserved, 36);

    check_size(WINBIO_BDB_ANSI_381_RECORD, 16);
    check_align(WINBIO_BDB_ANSI_381_RECORD, 4);
    check_field(WINBIO_BDB_ANSI_381_RECORD, BlockLength, 0);
    check_field(WINBIO_BDB_ANSI_381_RECORD, HorizontalLineLength, 4);
    check_field(WINBIO_BDB_ANSI_381_RECORD, VerticalLineLength, 6);
    check_field(WINBIO_BDB_ANSI_381_RECORD, Position, 8);
    check_field(WINBIO_BDB_ANSI_381_RECORD, CountOfViews, 9);
    check_field(WINBIO_BDB_ANSI_381_RECORD, ViewNumber, 10);
    check_field(WINBIO_BDB_ANSI_381_RECORD, ImageQuality, 11);
    check_field(WINBIO_BDB_ANSI_381_RECORD, ImpressionType, 12);
    check_field(WINBIO_BDB_ANSI_381_RECORD, Reserved, 13);
}

static void test_event(void)
{
    check_size(WINBIO_EVENT, 92);
    check_align(WINBIO_EVENT, 4);
    check_field(WINBIO_EVENT, Type, 0);
    check_field(WINBIO_EVENT, Parameters, 4);
    check_field_size(WINBIO_EVENT, Parameters, 88);
    check_field(WINBIO_EVENT, Parameters.Unclaimed.UnitId, 4);
    check_field(WINBIO_EVENT, Parameters.Unclaimed.RejectDetail, 8);
    check_field(WINBIO_EVENT, Parameters.UnclaimedIdentify.UnitId, 4);
    check_field(WINBIO_EVENT, Parameters.UnclaimedIdentify.Identity, 8);
    check_field(WINBIO_EVENT, Parameters.UnclaimedIdentify.SubFactor, 84);
    check_field(WINBIO_EVENT, Parameters.UnclaimedIdentify.RejectDetail, 88);
    check_field(WINBIO_EVENT, Parameters.Error.ErrorCode, 4);
}

static void test_presence(void)
{
    check_size(WINBIO_PRESENCE_PROPERTIES, 348);
    check_align(WINBIO_PRESENCE_PROPERTIES, 4);
    check_field(WINBIO_PRESENCE_PROPERTIES, FacialFeatures.BoundingBox, 0);
    check_field(WINBIO_PRESENCE_PROPERTIES, FacialFeatures.Distance, 16);
    check_field(WINBIO_PRESENCE_PROPERTIES, FacialFeatures.OpaqueEngineData.AdapterId, 20);
    check_field(WINBIO_PRESENCE_PROPERTIES, FacialFeatures.OpaqueEngineData.Data, 36);
    check_field_size(WINBIO_PRESENCE_PROPERTIES, FacialFeatures.OpaqueEngineData.Data, 312);
    check_field(WINBIO_PRESENCE_PROPERTIES, Iris.EyeBoundingBox_1, 0);
    check_field(WINBIO_PRESENCE_PROPERTIES, Iris.EyeBoundingBox_2, 16);
    check_field(WINBIO_PRESENCE_PROPERTIES, Iris.PupilCenter_1, 32);
    check_field(WINBIO_PRESENCE_PROPERTIES, Iris.PupilCenter_2, 40);
    check_field(WINBIO_PRESENCE_PROPERTIES, Iris.Distance, 48);

    check_size(WINBIO_PRESENCE, 496);
    check_align(WINBIO_PRESENCE, 8);
    check_field(WINBIO_PRESENCE, Factor, 0);
    check_field(WINBIO_PRESENCE, SubFactor, 4);
    check_field(WINBIO_PRESENCE, Status, 8);
    check_field(WINBIO_PRESENCE, RejectDetail, 12);
    check_field(WINBIO_PRESENCE, Identity, 16);
    check_field(WINBIO_PRESENCE, TrackingId, 96);
    check_field(WINBIO_PRESENCE, Ticket, 104);
    check_field(WINBIO_PRESENCE, Properties, 112);
    check_field(WINBIO_PRESENCE, Authorization, 460);
    check_field(WINBIO_PRESENCE, Authorization.Size, 460);
    check_field(WINBIO_PRESENCE, Authorization.Data, 464);
}

static void test_extended_info(void)
{
    check_size(WINBIO_EXTENDED_SENSOR_INFO, 1080);
    check_align(WINBIO_EXTENDED_SENSOR_INFO, 4);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, GenericSensorCapabilities, 0);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Factor, 4);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific, 8);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.Null, 8);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.FacialFeatures.FrameSize, 8);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.FacialFeatures.FrameOffset, 24);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.FacialFeatures.MandatoryOrientation, 32);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.FacialFeatures.HardwareInfo.ColorSensorId, 36);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.FacialFeatures.HardwareInfo.InfraredSensorId, 556);
    check_field(WINBIO_EXTENDED_SENSOR_INFO,
                Specific.FacialFeatures.HardwareInfo.InfraredSensorRotationAngle, 1076);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.Fingerprint.Reserved, 8);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.Iris.FrameSize, 8);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.Iris.FrameOffset, 24);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.Iris.MandatoryOrientation, 32);
    check_field(WINBIO_EXTENDED_SENSOR_INFO, Specific.Voice.Reserved, 8);

    check_size(WINBIO_EXTENDED_ENGINE_INFO, 36);
    check_align(WINBIO_EXTENDED_ENGINE_INFO, 4);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, GenericEngineCapabilities, 0);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Factor, 4);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific, 8);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.FacialFeatures.Capabilities, 8);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.FacialFeatures.EnrollmentRequirements.Null, 12);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.Capabilities, 8);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.EnrollmentRequirements.GeneralSamples, 12);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.EnrollmentRequirements.Center, 16);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.EnrollmentRequirements.TopEdge, 20);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.EnrollmentRequirements.BottomEdge, 24);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.EnrollmentRequirements.LeftEdge, 28);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Fingerprint.EnrollmentRequirements.RightEdge, 32);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Iris.EnrollmentRequirements.Null, 12);
    check_field(WINBIO_EXTENDED_ENGINE_INFO, Specific.Voice.EnrollmentRequirements.Null, 12);

    check_size(WINBIO_EXTENDED_STORAGE_INFO, 12);
    check_align(WINBIO_EXTENDED_STORAGE_INFO, 4);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, GenericStorageCapabilities, 0);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, Factor, 4);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, Specific.Null, 8);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, Specific.FacialFeatures.Capabilities, 8);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, Specific.Fingerprint.Capabilities, 8);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, Specific.Iris.Capabilities, 8);
    check_field(WINBIO_EXTENDED_STORAGE_INFO, Specific.Voice.Capabilities, 8);

    check_size(WINBIO_EXTENDED_ENROLLMENT_STATUS, 376);
    check_align(WINBIO_EXTENDED_ENROLLMENT_STATUS, 8);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, TemplateStatus, 0);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, RejectDetail, 4);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, PercentComplete, 8);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Factor, 12);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, SubFactor, 16);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific, 24);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.FacialFeatures.BoundingBox, 24);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.FacialFeatures.Distance, 40);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.FacialFeatures.OpaqueEngineData.AdapterId, 44);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.FacialFeatures.OpaqueEngineData.Data, 60);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Fingerprint.GeneralSamples, 24);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Fingerprint.RightEdge, 44);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.EyeBoundingBox_1, 24);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.EyeBoundingBox_2, 40);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.PupilCenter_1, 56);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.PupilCenter_2, 64);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.Distance, 72);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.GridPointCompletionPercent, 76);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.GridPointIndex, 80);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.Point3D.X, 88);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.Point3D.Y, 96);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.Point3D.Z, 104);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Iris.StopCaptureAndShowCriticalFeedback, 112);
    check_field(WINBIO_EXTENDED_ENROLLMENT_STATUS, Specific.Voice.Reserved, 24);
}

static void test_small_structs(void)
{
    check_size(WINBIO_EXTENDED_UNIT_STATUS, 8);
    check_field(WINBIO_EXTENDED_UNIT_STATUS, Availability, 0);
    check_field(WINBIO_EXTENDED_UNIT_STATUS, ReasonCode, 4);

    check_size(WINBIO_FP_BU_STATE, 8);
    check_field(WINBIO_FP_BU_STATE, SensorAttached, 0);
    check_field(WINBIO_FP_BU_STATE, CreationResult, 4);

    check_size(WINBIO_ANTI_SPOOF_POLICY, 8);
    check_field(WINBIO_ANTI_SPOOF_POLICY, Action, 0);
    check_field(WINBIO_ANTI_SPOOF_POLICY, Source, 4);

    check_size(WINBIO_ACCOUNT_POLICY, 80);
    check_field(WINBIO_ACCOUNT_POLICY, Identity, 0);
    check_field(WINBIO_ACCOUNT_POLICY, AntiSpoofBehavior, 76);

    check_size(WINBIO_EXTENDED_ENROLLMENT_PARAMETERS, W64(8, 16));
    check_align(WINBIO_EXTENDED_ENROLLMENT_PARAMETERS, W64(4, 8));
    check_field(WINBIO_EXTENDED_ENROLLMENT_PARAMETERS, Size, 0);
    check_field(WINBIO_EXTENDED_ENROLLMENT_PARAMETERS, SubFactor, W64(4, 8));

    check_size(WINBIO_GESTURE_METADATA, W64(16, 24));
    check_field(WINBIO_GESTURE_METADATA, Size, 0);
    check_field(WINBIO_GESTURE_METADATA, BiometricType, W64(4, 8));
    check_field(WINBIO_GESTURE_METADATA, MatchType, W64(8, 12));
    check_field(WINBIO_GESTURE_METADATA, ProtectionType, W64(12, 16));

    check_size(WINBIO_PROTECTION_POLICY, 240);
    check_align(WINBIO_PROTECTION_POLICY, 8);
    check_field(WINBIO_PROTECTION_POLICY, Version, 0);
    check_field(WINBIO_PROTECTION_POLICY, Identity, 4);
    check_field(WINBIO_PROTECTION_POLICY, DatabaseId, 80);
    check_field(WINBIO_PROTECTION_POLICY, UserState, 96);
    check_field(WINBIO_PROTECTION_POLICY, PolicySize, 104);
    check_field(WINBIO_PROTECTION_POLICY, Policy, W64(108, 112));

    check_size(WINBIO_CONNECTED_SENSOR, 8);
    check_field(WINBIO_CONNECTED_SENSOR, biometricType, 0);
    check_field(WINBIO_CONNECTED_SENSOR, isEnhancedSignInSecurityCapable, 4);

    check_size(WINBIO_SECURE_BUFFER_HEADER_V1, 24);
    check_field(WINBIO_SECURE_BUFFER_HEADER_V1, Type, 0);
    check_field(WINBIO_SECURE_BUFFER_HEADER_V1, Size, 4);
    check_field(WINBIO_SECURE_BUFFER_HEADER_V1, Flags, 8);
    check_field(WINBIO_SECURE_BUFFER_HEADER_V1, ValidationTag, 16);
}

static void test_async_result(void)
{
    check_size(WINBIO_ASYNC_RESULT, 360);
    check_align(WINBIO_ASYNC_RESULT, 8);
    check_field(WINBIO_ASYNC_RESULT, SessionHandle, 0);
    check_field(WINBIO_ASYNC_RESULT, Operation, 4);
    check_field(WINBIO_ASYNC_RESULT, SequenceNumber, 8);
    check_field(WINBIO_ASYNC_RESULT, TimeStamp, 16);
    check_field(WINBIO_ASYNC_RESULT, ApiStatus, 24);
    check_field(WINBIO_ASYNC_RESULT, UnitId, 28);
    check_field(WINBIO_ASYNC_RESULT, UserData, 32);
    check_field(WINBIO_ASYNC_RESULT, Parameters, 40);
    check_field_size(WINBIO_ASYNC_RESULT, Parameters, 320);

    /* every member of the union starts at the beginning of the union */
    check_field(WINBIO_ASYNC_RESULT, Parameters.Verify, 40);
    check_field(WINBIO_ASYNC_RESULT, Parameters.NotifyUnitStatusChange, 40);

    check_param_size(Verify, 8);
    check_param(Verify, Match, 0);
    check_param(Verify, RejectDetail, 4);

    check_param_size(Identify, 84);
    check_param(Identify, Identity, 0);
    check_param(Identify, SubFactor, 76);
    check_param(Identify, RejectDetail, 80);

    check_param_size(EnrollBegin, 1);
    check_param(EnrollBegin, SubFactor, 0);

    check_param_size(EnrollCapture, 4);
    check_param(EnrollCapture, RejectDetail, 0);

    check_param_size(EnrollCommit, 80);
    check_param(EnrollCommit, Identity, 0);
    check_param(EnrollCommit, IsNewTemplate, 76);

    check_param_size(EnumEnrollments, W64(84, 96));
    check_param(EnumEnrollments, Identity, 0);
    check_param(EnumEnrollments, SubFactorCount, W64(76, 80));
    check_param(EnumEnrollments, SubFactorArray, W64(80, 88));

    check_param_size(CaptureSample, W64(12, 24));
    check_param(CaptureSample, Sample, 0);
    check_param(CaptureSample, SampleSize, W64(4, 8));
    check_param(CaptureSample, RejectDetail, W64(8, 16));

    check_param_size(DeleteTemplate, 80);
    check_param(DeleteTemplate, Identity, 0);
    check_param(DeleteTemplate, SubFactor, 76);

    check_param_size(GetProperty, W64(96, 104));
    check_param(GetProperty, PropertyType, 0);
    check_param(GetProperty, PropertyId, 4);
    check_param(GetProperty, Identity, 8);
    check_param(GetProperty, SubFactor, 84);
    check_param(GetProperty, PropertyBufferSize, 88);
    check_param(GetProperty, PropertyBuffer, W64(92, 96));

    check_param_size(SetProperty, W64(96, 104));
    check_param(SetProperty, PropertyType, 0);
    check_param(SetProperty, PropertyId, 4);
    check_param(SetProperty, Identity, 8);
    check_param(SetProperty, SubFactor, 84);
    check_param(SetProperty, PropertyBufferSize, 88);
    check_param(SetProperty, PropertyBuffer, W64(92, 96));

    check_param_size(GetEvent, 92);
    check_param(GetEvent, Event, 0);

    check_param_size(ControlUnit, W64(32, 56));
    check_param(ControlUnit, Component, 0);
    check_param(ControlUnit, ControlCode, 4);
    check_param(ControlUnit, OperationStatus, 8);
    check_param(ControlUnit, SendBuffer, W64(12, 16));
    check_param(ControlUnit, SendBufferSize, W64(16, 24));
    check_param(ControlUnit, ReceiveBuffer, W64(20, 32));
    check_param(ControlUnit, ReceiveBufferSize, W64(24, 40));
    check_param(ControlUnit, ReceiveDataSize, W64(28, 48));

    check_param_size(EnumServiceProviders, W64(8, 16));
    check_param(EnumServiceProviders, BspCount, 0);
    check_param(EnumServiceProviders, BspSchemaArray, W64(4, 8));

    check_param_size(EnumBiometricUnits, W64(8, 16));
    check_param(EnumBiometricUnits, UnitCount, 0);
    check_param(EnumBiometricUnits, UnitSchemaArray, W64(4, 8));

    check_param_size(EnumDatabases, W64(8, 16));
    check_param(EnumDatabases, StorageCount, 0);
    check_param(EnumDatabases, StorageSchemaArray, W64(4, 8));

    check_param_size(VerifyAndReleaseTicket, 16);
    check_param(VerifyAndReleaseTicket, Match, 0);
    check_param(VerifyAndReleaseTicket, RejectDetail, 4);
    check_param(VerifyAndReleaseTicket, Ticket, 8);

    check_param_size(IdentifyAndReleaseTicket, 96);
    check_param(IdentifyAndReleaseTicket, Identity, 0);
    check_param(IdentifyAndReleaseTicket, SubFactor, 76);
    check_param(IdentifyAndReleaseTicket, RejectDetail, 80);
    check_param(IdentifyAndReleaseTicket, Ticket, 88);

    check_param_size(EnrollSelect, 8);
    check_param(EnrollSelect, SelectorValue, 0);

    check_param_size(MonitorPresence, W64(12, 24));
    check_param(MonitorPresence, ChangeType, 0);
    check_param(MonitorPresence, PresenceCount, W64(4, 8));
    check_param(MonitorPresence, PresenceArray, W64(8, 16));

    check_param_size(GetProtectionPolicy, 320);
    check_param(GetProtectionPolicy, Identity, 0);
    check_param(GetProtectionPolicy, Policy, 80);

    check_param_size(NotifyUnitStatusChange, 8);
    check_param(NotifyUnitStatusChange, ExtendedStatus, 0);
    check_param(NotifyUnitStatusChange, ExtendedStatus.Availability, 0);
    check_param(NotifyUnitStatusChange, ExtendedStatus.ReasonCode, 4);
}

START_TEST(layout)
{
    test_base_types();
    test_constants();
    test_identity();
    test_schemas();
    test_bir();
    test_event();
    test_presence();
    test_extended_info();
    test_small_structs();
    test_async_result();
}
