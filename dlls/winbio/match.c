/*
 * Verification, identification, sensor location and raw capture
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
 * Each call runs one libfprint operation on every unit of the session that
 * can take part, and the first unit touched answers; the others are
 * cancelled.  Host-matching sensors get the templates from the session's
 * database; a unit without templates still waits for the touch (a capture),
 * so that a client looping on WinBioIdentify does not spin.
 */

#include "winbio_private.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/* One unit's part in a recognition: its operation and the templates it got. */
struct candidate
{
    struct device_op op;
    struct winbio_unix_blob *blobs;
    const struct winbio_template **templates;
    UINT32 count;
};

struct recognition
{
    struct session *session;
    struct winbio_template_set *set;
    struct candidate candidates[WINBIO_UNIX_MAX_WAIT];
    SIZE_T count;
    SIZE_T acquired;
    SIZE_T winner;
};

typedef BOOL (*template_filter)( const struct winbio_template *template, const void *context );

static void free_recognition( struct recognition *rec )
{
    SIZE_T i;

    for (i = 0; i < rec->count; i++)
    {
        device_finish( rec->session, &rec->candidates[i].op );
        winbio_free( rec->candidates[i].blobs );
        winbio_free( rec->candidates[i].templates );
    }
    for (i = 0; i < rec->acquired; i++) device_release( rec->candidates[i].op.unit );
    if (rec->set) storage_release_set( rec->set );
}

/* Adds a unit with the templates of the set that pass the filter. */
static HRESULT add_candidate( struct recognition *rec, struct unit *unit, UINT32 type, template_filter filter,
                              const void *context )
{
    struct candidate *candidate = &rec->candidates[rec->count];
    SIZE_T i;

    if (rec->count == WINBIO_UNIX_MAX_WAIT) return S_OK;
    /* a unit a private pool took after the session was opened */
    if (!pool_may_use( rec->session, unit )) return S_OK;
    memset( candidate, 0, sizeof(*candidate) );
    candidate->op.unit = unit;
    candidate->op.start.type = type;
    if (filter && rec->set->count)
    {
        candidate->blobs = winbio_alloc( rec->set->count * sizeof(*candidate->blobs) );
        candidate->templates = winbio_alloc( rec->set->count * sizeof(*candidate->templates) );
        if (!candidate->blobs || !candidate->templates)
        {
            winbio_free( candidate->blobs );
            winbio_free( candidate->templates );
            return E_OUTOFMEMORY;
        }
        for (i = 0; i < rec->set->count; i++)
        {
            const struct winbio_template *template = &rec->set->templates[i];

            if (strcmp( template->device_key, unit->key ) || !filter( template, context )) continue;
            candidate->blobs[candidate->count].data = (ULONG_PTR)template->data;
            candidate->blobs[candidate->count].size = template->data_size;
            candidate->templates[candidate->count++] = template;
        }
        candidate->op.start.templates = (ULONG_PTR)candidate->blobs;
        candidate->op.start.count = candidate->count;
    }
    rec->count++;
    return S_OK;
}

/* Takes every candidate's unit (in unit order, as every caller does) and runs them. */
static HRESULT run_recognition( struct recognition *rec )
{
    HRESULT hr = S_OK;
    SIZE_T i;

    rec->winner = rec->count;  /* nobody, until a unit answers */
    for (i = 0; i < rec->count; i++)
    {
        if (FAILED(hr = device_acquire( rec->candidates[i].op.unit, rec->session ))) return hr;
        rec->acquired++;
    }
    if (!rec->count) return WINBIO_E_INVALID_DEVICE_STATE;
    for (i = 0; i < rec->count; i++) rec->candidates[i].op.start.count = rec->candidates[i].count;

    {
        struct device_op ops[WINBIO_UNIX_MAX_WAIT];

        for (i = 0; i < rec->count; i++) ops[i] = rec->candidates[i].op;
        hr = device_run_first( rec->session, ops, rec->count, &rec->winner );
        for (i = 0; i < rec->count; i++) rec->candidates[i].op = ops[i];
    }
    return hr;
}

/* FALSE when private pools took every unit the session had: they are busy
 * elsewhere (a session without units at all just finds no match). */
static BOOL pool_has_units( struct session *session )
{
    SIZE_T i;

    for (i = 0; i < session->unit_count; i++) if (pool_may_use( session, session->units[i] )) return TRUE;
    return !session->unit_count;
}

/* On a session the call has begun; ends it on failure. */
static HRESULT begin_recognition( struct session *session, struct recognition *rec, BOOL need_set )
{
    HRESULT hr = S_OK;

    memset( rec, 0, sizeof(*rec) );
    rec->session = session;
    if (session_enrolling( rec->session )) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    else if (!pool_has_units( rec->session )) hr = WINBIO_E_DEVICE_BUSY;
    else if (need_set) hr = storage_get_set( rec->session->db, &rec->set );
    if (FAILED(hr)) session_end( rec->session );
    return hr;
}

static void end_recognition( struct recognition *rec )
{
    free_recognition( rec );
    session_end( rec->session );
}

/* The outcome of the winning unit; a touch that could not be used gives its reject detail. */
static HRESULT winner_status( struct recognition *rec, HRESULT hr, WINBIO_UNIT_ID *unit_id,
                              WINBIO_REJECT_DETAIL *reject )
{
    const struct op_wait_params *result;

    if (rec->winner >= rec->count) return hr;
    result = &rec->candidates[rec->winner].op.result;
    *unit_id = rec->candidates[rec->winner].op.unit->id;
    if (result->result == WINBIO_UNIX_RETRY) *reject = map_retry( result->retry );
    return map_unix_result( result->result );
}

struct verify_context
{
    const WINBIO_IDENTITY *identity;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
};

static BOOL verify_filter( const struct winbio_template *template, const void *context )
{
    const struct verify_context *ctx = context;

    return identity_equal( &template->identity, ctx->identity ) &&
           (ctx->subfactor == WINBIO_SUBTYPE_ANY || template->subfactor == ctx->subfactor);
}

static BOOL any_template( const struct winbio_template *template, const void *context )
{
    return TRUE;
}

/* A unit joins with the operation it can do: match against its templates,
 * or, having none, just wait for the touch. */
static HRESULT add_recognition_unit( struct recognition *rec, struct unit *unit, template_filter filter,
                                     const void *context )
{
    const struct winbio_unix_device *device = &unit->device;
    struct candidate *candidate = &rec->candidates[rec->count];
    SIZE_T before = rec->count;
    UINT32 type;
    HRESULT hr;

    if (!(device->features & (WINBIO_UNIX_FEATURE_IDENTIFY | WINBIO_UNIX_FEATURE_VERIFY))) return S_OK;
    type = device->features & WINBIO_UNIX_FEATURE_IDENTIFY ? WINBIO_UNIX_OP_IDENTIFY : WINBIO_UNIX_OP_VERIFY;
    if (FAILED(hr = add_candidate( rec, unit, type, filter, context )) || rec->count == before) return hr;

    if (!candidate->count)
    {
        if (device->features & WINBIO_UNIX_FEATURE_CAPTURE) candidate->op.start.type = WINBIO_UNIX_OP_CAPTURE;
        else
        {
            /* nothing this unit could do */
            winbio_free( candidate->blobs );
            winbio_free( candidate->templates );
            rec->count--;
        }
    }
    /* a verify-only sensor checks one template */
    else if (type == WINBIO_UNIX_OP_VERIFY) candidate->count = 1;
    /* one template to check is what libfprint's verify is for, on a sensor
     * that has it: each WinBio call is the libfprint operation it means */
    else if (filter == verify_filter && candidate->count == 1 && (device->features & WINBIO_UNIX_FEATURE_VERIFY))
        candidate->op.start.type = WINBIO_UNIX_OP_VERIFY;
    return S_OK;
}

/***********************************************************************
 *      WinBioVerify (winbio.@)
 */
HRESULT WINAPI WinBioVerify( WINBIO_SESSION_HANDLE handle, WINBIO_IDENTITY *identity,
                             WINBIO_BIOMETRIC_SUBTYPE subfactor, WINBIO_UNIT_ID *unit_id, BOOLEAN *match,
                             WINBIO_REJECT_DETAIL *reject )
{
    struct verify_context context = { identity, subfactor };
    struct async_call call = { WINBIO_OPERATION_VERIFY };
    struct session *session;
    struct recognition rec;
    const struct candidate *winner;
    SIZE_T i;
    HRESULT hr;

    TRACE( "%lu, %s, %#x, %p, %p, %p\n", handle, debugstr_identity( identity ), subfactor, unit_id,
           match, reject );

    if (!identity) return E_POINTER;
    if (subfactor != WINBIO_SUBTYPE_ANY && !is_finger_subfactor( subfactor )) return E_INVALIDARG;
    call.identity = *identity;
    call.subfactor = subfactor;
    if (!unit_id || !match || !reject) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    *unit_id = 0;
    *match = FALSE;
    *reject = 0;
    if (FAILED(hr = begin_recognition( session, &rec, TRUE ))) return hr;

    /* checking a finger against another account is for administrators */
    hr = identity_check_access( identity );
    for (i = 0; SUCCEEDED(hr) && i < rec.session->unit_count; i++)
        hr = add_recognition_unit( &rec, rec.session->units[i], verify_filter, &context );
    if (SUCCEEDED(hr) && !rec.count) hr = WINBIO_E_NO_MATCH;
    if (SUCCEEDED(hr))
    {
        hr = winner_status( &rec, run_recognition( &rec ), unit_id, reject );
        winner = rec.winner < rec.count ? &rec.candidates[rec.winner] : NULL;
        if (SUCCEEDED(hr) && winner)
        {
            if (winner->op.start.type == WINBIO_UNIX_OP_VERIFY) *match = winner->op.result.match != 0;
            else if (winner->op.start.type == WINBIO_UNIX_OP_IDENTIFY) *match = winner->op.result.match >= 0;
            if (!*match) hr = WINBIO_E_NO_MATCH;
        }
    }
    end_recognition( &rec );
    TRACE( "returning %#lx, unit %lu, match %u, reject detail %lu\n", hr, *unit_id, *match, *reject );
    return hr;
}

/***********************************************************************
 *      WinBioIdentify (winbio.@)
 */
HRESULT WINAPI WinBioIdentify( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID *unit_id, WINBIO_IDENTITY *identity,
                               WINBIO_BIOMETRIC_SUBTYPE *subfactor, WINBIO_REJECT_DETAIL *reject )
{
    struct async_call call = { WINBIO_OPERATION_IDENTIFY };
    const struct candidate *winner;
    struct session *session;
    struct recognition rec;
    SIZE_T i;
    HRESULT hr;

    TRACE( "%lu, %p, %p, %p, %p\n", handle, unit_id, identity, subfactor, reject );

    if (!unit_id || !identity || !subfactor || !reject) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    *unit_id = 0;
    memset( identity, 0, sizeof(*identity) );
    *subfactor = WINBIO_SUBTYPE_NO_INFORMATION;
    *reject = 0;
    if (FAILED(hr = begin_recognition( session, &rec, TRUE ))) return hr;

    for (i = 0; SUCCEEDED(hr) && i < rec.session->unit_count; i++)
        hr = add_recognition_unit( &rec, rec.session->units[i], any_template, NULL );
    if (SUCCEEDED(hr) && !rec.count) hr = WINBIO_E_UNKNOWN_ID;
    if (SUCCEEDED(hr))
    {
        hr = winner_status( &rec, run_recognition( &rec ), unit_id, reject );
        winner = rec.winner < rec.count ? &rec.candidates[rec.winner] : NULL;
        if (SUCCEEDED(hr) && winner)
        {
            INT32 index = winner->op.result.match;

            if (winner->op.start.type == WINBIO_UNIX_OP_VERIFY) index = index ? 0 : -1;
            if (winner->op.start.type == WINBIO_UNIX_OP_CAPTURE || index < 0 || index >= winner->count)
                hr = WINBIO_E_UNKNOWN_ID;
            else
            {
                *identity = winner->templates[index]->identity;
                *subfactor = winner->templates[index]->subfactor;
                EnterCriticalSection( &rec.session->cs );
                rec.session->identified = *identity;
                rec.session->identified_time = GetTickCount64();
                LeaveCriticalSection( &rec.session->cs );
            }
        }
    }
    end_recognition( &rec );
    TRACE( "returning %#lx, unit %lu, %s, subfactor %#x, reject detail %lu\n", hr, *unit_id,
           debugstr_identity( identity ), *subfactor, *reject );
    return hr;
}

/***********************************************************************
 *      WinBioLocateSensor (winbio.@)
 */
HRESULT WINAPI WinBioLocateSensor( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID *unit_id )
{
    struct async_call call = { WINBIO_OPERATION_LOCATE_SENSOR };
    WINBIO_REJECT_DETAIL reject = 0;
    struct session *session;
    struct recognition rec;
    SIZE_T i;
    HRESULT hr;

    TRACE( "%lu, %p\n", handle, unit_id );

    if (!unit_id) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    *unit_id = 0;
    if (FAILED(hr = begin_recognition( session, &rec, TRUE ))) return hr;

    /* whatever tells us that a finger is on the unit: a capture, or a match attempt */
    for (i = 0; SUCCEEDED(hr) && i < rec.session->unit_count; i++)
    {
        struct unit *unit = rec.session->units[i];

        if (unit->device.features & WINBIO_UNIX_FEATURE_CAPTURE)
            hr = add_candidate( &rec, unit, WINBIO_UNIX_OP_CAPTURE, NULL, NULL );
        else if (unit->device.features & WINBIO_UNIX_FEATURE_IDENTIFY)
            hr = add_candidate( &rec, unit, WINBIO_UNIX_OP_IDENTIFY, any_template, NULL );
    }
    if (SUCCEEDED(hr) && !rec.count) hr = WINBIO_E_INVALID_DEVICE_STATE;
    if (SUCCEEDED(hr))
    {
        hr = winner_status( &rec, run_recognition( &rec ), unit_id, &reject );
        /* a touch the sensor could not use still says where the finger is */
        if (hr == WINBIO_E_BAD_CAPTURE) hr = S_OK;
    }
    end_recognition( &rec );
    return hr;
}

/***********************************************************************
 *      WinBioCaptureSample (winbio.@)
 */
HRESULT WINAPI WinBioCaptureSample( WINBIO_SESSION_HANDLE handle, WINBIO_BIR_PURPOSE purpose,
                                    WINBIO_BIR_DATA_FLAGS flags, WINBIO_UNIT_ID *unit_id, WINBIO_BIR **sample,
                                    SIZE_T *sample_size, WINBIO_REJECT_DETAIL *reject )
{
    static const WINBIO_BIR_PURPOSE known_purposes = WINBIO_PURPOSE_VERIFY | WINBIO_PURPOSE_IDENTIFY |
        WINBIO_PURPOSE_ENROLL | WINBIO_PURPOSE_ENROLL_FOR_VERIFICATION | WINBIO_PURPOSE_ENROLL_FOR_IDENTIFICATION |
        WINBIO_PURPOSE_AUDIT;
    static const WINBIO_BIR_DATA_FLAGS security_flags = WINBIO_DATA_FLAG_INTEGRITY | WINBIO_DATA_FLAG_PRIVACY |
        WINBIO_DATA_FLAG_SIGNED | WINBIO_DATA_FLAG_OPTION_MASK_PRESENT;
    static const WINBIO_BIR_DATA_FLAGS level_flags = WINBIO_DATA_FLAG_RAW | WINBIO_DATA_FLAG_INTERMEDIATE |
        WINBIO_DATA_FLAG_PROCESSED;
    struct async_call call = { WINBIO_OPERATION_CAPTURE_SAMPLE };
    const struct candidate *winner;
    struct session *session;
    struct recognition rec;
    BYTE *pixels;
    UINT32 size;
    SIZE_T i;
    HRESULT hr;

    TRACE( "%lu, %#x, %#x, %p, %p, %p, %p\n", handle, purpose, flags, unit_id, sample, sample_size, reject );

    call.purpose = purpose;
    call.flags = flags;
    if (!unit_id || !sample || !sample_size || !reject) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    *unit_id = 0;
    *sample = NULL;
    *sample_size = 0;
    *reject = 0;
    if (FAILED(hr = begin_recognition( session, &rec, FALSE ))) return hr;

    if (!(rec.session->flags & WINBIO_FLAG_RAW)) hr = E_ACCESSDENIED;
    /* WINBIO_NO_PURPOSE_AVAILABLE is what Microsoft's own sample passes */
    else if (purpose & ~known_purposes) hr = WINBIO_E_UNSUPPORTED_PURPOSE;
    else if (flags & ~(security_flags | level_flags)) hr = E_INVALIDARG;
    /* libfprint hands out plain, unsigned, unencrypted images */
    else if (flags & (security_flags | WINBIO_DATA_FLAG_INTERMEDIATE | WINBIO_DATA_FLAG_PROCESSED))
        hr = WINBIO_E_UNSUPPORTED_DATA_FORMAT;

    for (i = 0; SUCCEEDED(hr) && i < rec.session->unit_count; i++)
        if (rec.session->units[i]->device.features & WINBIO_UNIX_FEATURE_CAPTURE)
            hr = add_candidate( &rec, rec.session->units[i], WINBIO_UNIX_OP_CAPTURE, NULL, NULL );
    if (SUCCEEDED(hr) && !rec.count) hr = E_NOTIMPL;  /* no unit of the pool produces images */
    if (SUCCEEDED(hr)) hr = winner_status( &rec, run_recognition( &rec ), unit_id, reject );
    if (SUCCEEDED(hr) && (winner = rec.winner < rec.count ? &rec.candidates[rec.winner] : NULL))
    {
        if (!(pixels = device_get_data( winner->op.start.op, 0, &size ))) hr = E_OUTOFMEMORY;
        else
        {
            if (size < winner->op.result.width * winner->op.result.height) hr = WINBIO_E_NO_CAPTURE_DATA;
            else hr = bir_from_image( pixels, winner->op.result.width, winner->op.result.height,
                                      winner->op.result.ppmm_x100, purpose,
                                      winner->op.unit->device.scan_type == WINBIO_UNIX_SCAN_SWIPE,
                                      sample, sample_size );
            winbio_free( pixels );
        }
    }
    end_recognition( &rec );
    return hr;
}
