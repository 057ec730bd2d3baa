/*
 * Success paths of WinBioGetProperty and WinBioSetProperty: every property
 * this dll supports, read from the virtual image sensor, whose values come
 * from what libfprint's virtual_image driver is, and the anti-spoof policy
 * written and read back
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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "windef.h"
#include "winbase.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"

/* virtual_image: an image sensor that matches on the host, five touches
 * to an enrollment (libfprint's default for image devices), no storage */
#define IMAGE_STAGES 5
static const WINBIO_CAPABILITIES image_present = WINBIO_CAPABILITY_SENSOR | WINBIO_CAPABILITY_MATCHING |
                                                 WINBIO_CAPABILITY_PROCESSING | WINBIO_CAPABILITY_VIRTUAL_SENSOR;
static const WINBIO_CAPABILITIES image_absent = WINBIO_CAPABILITY_DATABASE;

/* Reads one unit property, which must be SIZE bytes; NULL on failure. */
static void *get_unit_property( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, WINBIO_PROPERTY_ID id,
                                SIZE_T expected )
{
    void *buffer = (void *)0xdeadbeef;
    SIZE_T size = 0xdeadbeef;
    HRESULT hr;

    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, id, unit, NULL, WINBIO_SUBTYPE_NO_INFORMATION,
                            &buffer, &size );
    ok( hr == S_OK, "property %lu: got %#lx\n", id, hr );
    if (hr != S_OK) return NULL;
    ok( size == expected, "property %lu: size %Iu\n", id, size );
    if (size == expected) return buffer;
    WinBioFree( buffer );
    return NULL;
}

static void check_capabilities( WINBIO_PROPERTY_ID id, WINBIO_CAPABILITIES caps )
{
    ok( (caps & image_present) == image_present, "property %lu: capabilities %#lx\n", id, caps );
    ok( !(caps & image_absent), "property %lu: capabilities %#lx\n", id, caps );
}

static void test_unit_properties( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    WINBIO_EXTENDED_ENROLLMENT_STATUS *enrollment;
    WINBIO_EXTENDED_SENSOR_INFO *sensor;
    WINBIO_EXTENDED_ENGINE_INFO *engine;
    WINBIO_EXTENDED_STORAGE_INFO *storage;
    WINBIO_EXTENDED_UNIT_STATUS *status;
    WINBIO_UNIT_SECURITY_LEVEL *level;
    WINBIO_FP_BU_STATE *state;
    ULONG *hint;
    void *buffer = NULL;
    SIZE_T size;
    HRESULT hr;

    if ((hint = get_unit_property( session, unit, WINBIO_PROPERTY_SAMPLE_HINT, sizeof(*hint) )))
    {
        ok( *hint == IMAGE_STAGES, "sample hint %lu\n", *hint );
        WinBioFree( hint );
    }
    if ((sensor = get_unit_property( session, unit, WINBIO_PROPERTY_EXTENDED_SENSOR_INFO, sizeof(*sensor) )))
    {
        ok( sensor->Factor == WINBIO_TYPE_FINGERPRINT, "sensor factor %#lx\n", sensor->Factor );
        check_capabilities( WINBIO_PROPERTY_EXTENDED_SENSOR_INFO, sensor->GenericSensorCapabilities );
        WinBioFree( sensor );
    }
    if ((engine = get_unit_property( session, unit, WINBIO_PROPERTY_EXTENDED_ENGINE_INFO, sizeof(*engine) )))
    {
        ok( engine->Factor == WINBIO_TYPE_FINGERPRINT, "engine factor %#lx\n", engine->Factor );
        check_capabilities( WINBIO_PROPERTY_EXTENDED_ENGINE_INFO, engine->GenericEngineCapabilities );
        ok( engine->Specific.Fingerprint.EnrollmentRequirements.GeneralSamples == IMAGE_STAGES,
            "engine samples %lu\n", engine->Specific.Fingerprint.EnrollmentRequirements.GeneralSamples );
        WinBioFree( engine );
    }
    if ((storage = get_unit_property( session, unit, WINBIO_PROPERTY_EXTENDED_STORAGE_INFO, sizeof(*storage) )))
    {
        ok( storage->Factor == WINBIO_TYPE_FINGERPRINT, "storage factor %#lx\n", storage->Factor );
        check_capabilities( WINBIO_PROPERTY_EXTENDED_STORAGE_INFO, storage->GenericStorageCapabilities );
        WinBioFree( storage );
    }
    /* no enrollment runs in this session */
    if ((enrollment = get_unit_property( session, unit, WINBIO_PROPERTY_EXTENDED_ENROLLMENT_STATUS,
                                         sizeof(*enrollment) )))
    {
        ok( enrollment->TemplateStatus == WINBIO_E_INVALID_OPERATION, "template status %#lx\n",
            enrollment->TemplateStatus );
        ok( enrollment->Factor == WINBIO_TYPE_FINGERPRINT, "enrollment factor %#lx\n", enrollment->Factor );
        ok( enrollment->Specific.Fingerprint.GeneralSamples == IMAGE_STAGES, "enrollment samples %lu\n",
            enrollment->Specific.Fingerprint.GeneralSamples );
        ok( !enrollment->PercentComplete, "%lu%% complete\n", enrollment->PercentComplete );
        WinBioFree( enrollment );
    }
    if ((status = get_unit_property( session, unit, WINBIO_PROPERTY_EXTENDED_UNIT_STATUS, sizeof(*status) )))
    {
        ok( status->Availability == WINBIO_SENSOR_AVAILABLE, "availability %lu\n", status->Availability );
        WinBioFree( status );
    }
    if ((level = get_unit_property( session, unit, WINBIO_PROPERTY_UNIT_SECURITY_LEVEL, sizeof(*level) )))
    {
        ok( *level == WINBIO_UNIT_SECURITY_LEVEL_NORMAL, "security level %lu\n", *level );
        WinBioFree( level );
    }
    if ((state = get_unit_property( session, unit, WINBIO_PROPERTY_FP_BU_STATE, sizeof(*state) )))
    {
        ok( state->SensorAttached, "the sensor is not attached\n" );
        ok( state->CreationResult == S_OK, "creation result %#lx\n", state->CreationResult );
        WinBioFree( state );
    }
    /* documented, but for sensors that learn from each match */
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_FP_IS_IMPROVING, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == WINBIO_E_UNSUPPORTED_PROPERTY, "improving: got %#lx\n", hr );
}

static void set_policy( WINBIO_SESSION_HANDLE session, WINBIO_IDENTITY *identity,
                        WINBIO_ANTI_SPOOF_POLICY_ACTION action )
{
    WINBIO_ANTI_SPOOF_POLICY policy = { action, WINBIO_POLICY_UNKNOWN };
    HRESULT hr;

    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, identity,
                            WINBIO_SUBTYPE_NO_INFORMATION, &policy, sizeof(policy) );
    ok( hr == S_OK, "setting action %u: got %#lx\n", action, hr );
}

static void check_policy( WINBIO_SESSION_HANDLE session, WINBIO_IDENTITY *identity,
                          WINBIO_ANTI_SPOOF_POLICY_ACTION action, WINBIO_POLICY_SOURCE source )
{
    WINBIO_ANTI_SPOOF_POLICY *policy = NULL;
    SIZE_T size = 0;
    HRESULT hr;

    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, identity,
                            WINBIO_SUBTYPE_NO_INFORMATION, (void **)&policy, &size );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK) return;
    ok( size == sizeof(*policy), "size %Iu\n", size );
    ok( policy->Action == action, "action %u, expected %u\n", policy->Action, action );
    ok( policy->Source == source, "source %u, expected %u\n", policy->Source, source );
    WinBioFree( policy );
}

/* The account's own setting is read back as a local policy; removing it
 * gives the default again, which is off (libfprint detects no spoofing). */
static void test_anti_spoof_policy( WINBIO_SESSION_HANDLE session )
{
    WINBIO_IDENTITY identity;

    /* This sets the account's policy, which on a real machine is the user's
     * own setting (winbio-account-policy.md), and the default it expects,
     * off, is this implementation's: on Wine only. */
    if (!running_on_wine())
    {
        skip( "the account's anti-spoof policy is changed on Wine only\n" );
        return;
    }

    ok( get_user_identity( &identity ), "no identity for the user\n" );
    set_policy( session, &identity, WINBIO_ANTI_SPOOF_REMOVE );
    check_policy( session, &identity, WINBIO_ANTI_SPOOF_DISABLE, WINBIO_POLICY_DEFAULT );
    set_policy( session, &identity, WINBIO_ANTI_SPOOF_ENABLE );
    check_policy( session, &identity, WINBIO_ANTI_SPOOF_ENABLE, WINBIO_POLICY_LOCAL );
    set_policy( session, &identity, WINBIO_ANTI_SPOOF_DISABLE );
    check_policy( session, &identity, WINBIO_ANTI_SPOOF_DISABLE, WINBIO_POLICY_LOCAL );
    set_policy( session, &identity, WINBIO_ANTI_SPOOF_REMOVE );
    check_policy( session, &identity, WINBIO_ANTI_SPOOF_DISABLE, WINBIO_POLICY_DEFAULT );
}

START_TEST(property)
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_UNIT_ID unit;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    test_anti_spoof_policy( session );
    if (have_virtual_sensors())
    {
        unit = find_unit( L"virtual_image" );
        ok( unit != 0, "no virtual_image unit\n" );
        if (unit) test_unit_properties( session, unit );
    }

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}
