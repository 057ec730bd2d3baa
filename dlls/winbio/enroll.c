/*
 * Enrollment and the templates of a unit
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
 * An enrollment is one libfprint enroll operation.  WinBioEnrollBegin
 * reserves the unit for the session and starts it; every
 * WinBioEnrollCapture waits for its next progress report (a stage done, or
 * a bad touch); WinBioEnrollCommit stores the finished print in the
 * session's database.  Sensors with their own storage keep the print on the
 * chip as well, and WinBioDeleteTemplate removes it there too.
 */

#include "winbio_private.h"
#include "ntsecapi.h"
#include "winreg.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

struct enrollment
{
    struct unit *unit;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    GUID template_id;
    struct device_op op;            /* the libfprint enrollment, while it runs */
    UINT32 stages;                  /* stages libfprint reported done */
    WINBIO_REJECT_DETAIL reject;    /* of the latest bad touch */
    BOOL complete;                  /* the template is ready */
    HRESULT commit_status;          /* what the sensor said of it (duplicate) */
    BYTE *template;
    UINT32 template_size;
};

BOOL is_finger_subfactor( WINBIO_BIOMETRIC_SUBTYPE subfactor )
{
    return (subfactor >= WINBIO_ANSI_381_POS_RH_THUMB && subfactor <= WINBIO_ANSI_381_POS_LH_LITTLE_FINGER) ||
           (subfactor >= WINBIO_FINGER_UNSPECIFIED_POS_01 && subfactor <= WINBIO_FINGER_UNSPECIFIED_POS_10);
}

static HRESULT start_enroll_op( struct session *session, struct enrollment *enrollment )
{
    struct op_start_params *start = &enrollment->op.start;
    const GUID *id = &enrollment->template_id;

    memset( &enrollment->op, 0, sizeof(enrollment->op) );
    enrollment->op.unit = enrollment->unit;
    start->type = WINBIO_UNIX_OP_ENROLL;
    snprintf( start->description, sizeof(start->description),
              "winbio {%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}", id->Data1, id->Data2, id->Data3,
              id->Data4[0], id->Data4[1], id->Data4[2], id->Data4[3], id->Data4[4], id->Data4[5],
              id->Data4[6], id->Data4[7] );
    return device_start( session, &enrollment->op );
}

/* Runs one operation on the sensor's own storage: deleting one print, or all of them. */
static UINT32 run_storage_op( struct session *session, struct unit *unit, UINT32 type, const BYTE *data, UINT32 size )
{
    struct winbio_unix_blob blob = { (ULONG_PTR)data, size };
    struct device_op op = { unit };
    SIZE_T winner;

    op.start.type = type;
    op.start.templates = (ULONG_PTR)&blob;
    op.start.count = data ? 1 : 0;
    device_run_first( session, &op, 1, &winner );
    device_finish( session, &op );
    if (op.result.result != WINBIO_UNIX_OK && op.result.result != WINBIO_UNIX_DATA_NOT_FOUND)
        WARN( "storage operation %u failed on %s: result %u\n", type, debugstr_a(unit->key), op.result.result );
    return op.result.result;
}

/* Removes a template from the sensor's own storage, for sensors that have one. */
static void delete_from_chip( struct session *session, struct unit *unit, const BYTE *data, UINT32 size )
{
    if (!(unit->device.features & WINBIO_UNIX_FEATURE_STORAGE_DELETE)) return;
    run_storage_op( session, unit, WINBIO_UNIX_OP_DELETE, data, size );
}

/* Takes the enrollment away from the session and frees it; the unit stays
 * the session's only if the session locked it. */
static void drop_enrollment( struct session *session, struct enrollment *enrollment )
{
    EnterCriticalSection( &session->cs );
    session->enrollment = NULL;
    device_set_owner( enrollment->unit, session, session->locked == enrollment->unit ? OWNER_LOCK : OWNER_NONE );
    LeaveCriticalSection( &session->cs );
    winbio_free( enrollment->template );
    winbio_free( enrollment );
}

/* Called by the call that has the enrollment's turn, or once no call is left. */
static void end_enrollment( struct session *session, BOOL keep_on_chip )
{
    struct enrollment *enrollment = session->enrollment;

    if (!enrollment) return;
    device_finish( session, &enrollment->op );
    /* a sensor with storage already holds the finished print */
    if (enrollment->complete && !keep_on_chip && enrollment->commit_status == S_OK)
        delete_from_chip( session, enrollment->unit, enrollment->template, enrollment->template_size );
    device_release( enrollment->unit );
    drop_enrollment( session, enrollment );
}

/* Waits until no other call works on the session's enrollment, then takes
 * the turn; a cancel or close ends the wait. */
static HRESULT claim_enrollment( struct session *session )
{
    HRESULT hr = S_OK;

    EnterCriticalSection( &session->cs );
    while (session->enroll_busy)
    {
        if (session_call_canceled( session ))
        {
            hr = WINBIO_E_CANCELED;
            break;
        }
        SleepConditionVariableCS( &session->idle, &session->cs, INFINITE );
    }
    if (SUCCEEDED(hr)) session->enroll_busy = TRUE;
    LeaveCriticalSection( &session->cs );
    return hr;
}

static void release_enrollment( struct session *session )
{
    EnterCriticalSection( &session->cs );
    session->enroll_busy = FALSE;
    WakeAllConditionVariable( &session->idle );
    LeaveCriticalSection( &session->cs );
}

BOOL session_enrolling( struct session *session )
{
    BOOL ret;

    EnterCriticalSection( &session->cs );
    ret = session->enrollment != NULL;
    LeaveCriticalSection( &session->cs );
    return ret;
}

/* The unit of the pending enrollment, or NULL.  Called with session->cs held. */
struct unit *enrollment_unit( struct session *session )
{
    return session->enrollment ? session->enrollment->unit : NULL;
}

/* WINBIO_PROPERTY_EXTENDED_ENROLLMENT_STATUS of a unit */
void enrollment_get_status( struct session *session, struct unit *unit, WINBIO_EXTENDED_ENROLLMENT_STATUS *status )
{
    struct enrollment *enrollment;
    UINT32 total = unit->device.enroll_stages ? unit->device.enroll_stages : 1;

    memset( status, 0, sizeof(*status) );
    status->Factor = WINBIO_TYPE_FINGERPRINT;
    status->Specific.Fingerprint.GeneralSamples = unit->device.enroll_stages;
    EnterCriticalSection( &session->cs );
    if (!(enrollment = session->enrollment) || enrollment->unit != unit)
        status->TemplateStatus = WINBIO_E_INVALID_OPERATION;
    else
    {
        status->TemplateStatus = enrollment->complete ? S_OK : WINBIO_I_MORE_DATA;
        status->RejectDetail = enrollment->reject;
        status->PercentComplete = min( enrollment->stages, total ) * 100 / total;
        status->SubFactor = enrollment->subfactor;
    }
    LeaveCriticalSection( &session->cs );
}

void enrollment_discard( struct session *session )
{
    end_enrollment( session, FALSE );
}

/* Starts an enrollment; the caller has the enrollment's turn. */
static HRESULT begin_enrollment( struct session *session, struct unit *unit, WINBIO_BIOMETRIC_SUBTYPE subfactor )
{
    struct enrollment *enrollment;
    HRESULT hr = S_OK;

    if (!(enrollment = winbio_alloc( sizeof(*enrollment) ))) return E_OUTOFMEMORY;
    enrollment->unit = unit;
    enrollment->subfactor = subfactor;
    RtlGenRandom( &enrollment->template_id, sizeof(enrollment->template_id) );

    EnterCriticalSection( &session->cs );
    if (session->enrollment) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    else if (session->locked && session->locked != unit) hr = WINBIO_E_LOCK_VIOLATION;
    else if (SUCCEEDED(hr = device_set_owner( unit, session, OWNER_ENROLL ))) session->enrollment = enrollment;
    LeaveCriticalSection( &session->cs );
    if (FAILED(hr))
    {
        winbio_free( enrollment );
        return hr;
    }
    if (FAILED(hr = device_acquire( unit, session ))) drop_enrollment( session, enrollment );
    else if (FAILED(hr = start_enroll_op( session, enrollment ))) end_enrollment( session, FALSE );
    return hr;
}

/***********************************************************************
 *      WinBioEnrollBegin (winbio.@)
 */
HRESULT WINAPI WinBioEnrollBegin( WINBIO_SESSION_HANDLE handle, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                  WINBIO_UNIT_ID unit_id )
{
    struct async_call call = { WINBIO_OPERATION_ENROLL_BEGIN };
    struct session *session;
    struct unit *unit;
    HRESULT hr;

    TRACE( "%lu, %#x, %lu\n", handle, subfactor, unit_id );

    call.subfactor = subfactor;
    call.unit_id = unit_id;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    if (!is_finger_subfactor( subfactor ) || !unit_id) hr = E_INVALIDARG;
    else hr = session_get_unit( session, unit_id, &unit );
    /* at once, rather than after the turn of a capture that waits for a finger */
    if (SUCCEEDED(hr) && session_enrolling( session )) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    if (SUCCEEDED(hr) && SUCCEEDED(hr = claim_enrollment( session )))
    {
        hr = begin_enrollment( session, unit, subfactor );
        release_enrollment( session );
    }
    session_end( session );
    return hr;
}

/* Waits for the next report of the running enrollment. */
static HRESULT next_capture( struct session *session, struct enrollment *enrollment, WINBIO_REJECT_DETAIL *reject )
{
    struct op_wait_params event;
    UINT32 template_size = 0;
    BYTE *template = NULL;
    HRESULT hr;

    if (!enrollment->op.started && FAILED(hr = start_enroll_op( session, enrollment ))) return hr;

    for (;;)
    {
        if (FAILED(hr = device_wait( session, &enrollment->op, &event ))) return hr;
        if (event.event == WINBIO_UNIX_EVENT_PROGRESS)
        {
            EnterCriticalSection( &session->cs );
            if (event.result == WINBIO_UNIX_RETRY) *reject = enrollment->reject = map_retry( event.retry );
            else
            {
                enrollment->stages = event.stage;
                enrollment->reject = 0;
            }
            LeaveCriticalSection( &session->cs );
            if (event.result == WINBIO_UNIX_RETRY) return WINBIO_E_BAD_CAPTURE;
            TRACE( "stage %u of %u\n", event.stage, enrollment->unit->device.enroll_stages );
            /* after the last stage only the end of the operation is left */
            if (event.stage < enrollment->unit->device.enroll_stages) return WINBIO_I_MORE_DATA;
            continue;
        }

        /* the libfprint enrollment ended: a new one starts at the next capture */
        hr = map_unix_result( event.result );
        if (event.result == WINBIO_UNIX_OK &&
            !(template = device_get_data( enrollment->op.start.op, 0, &template_size )))
            hr = E_OUTOFMEMORY;
        EnterCriticalSection( &session->cs );
        enrollment->stages = 0;
        if (template)
        {
            enrollment->stages = enrollment->unit->device.enroll_stages;
            enrollment->template = template;
            enrollment->template_size = template_size;
            enrollment->complete = TRUE;
        }
        else if (event.result == WINBIO_UNIX_DATA_DUPLICATE)
        {
            /* the sensor found the finger among its prints; the commit reports it */
            enrollment->complete = TRUE;
            enrollment->commit_status = WINBIO_E_DUPLICATE_TEMPLATE;
            hr = S_OK;
        }
        LeaveCriticalSection( &session->cs );
        if (event.result == WINBIO_UNIX_RETRY) *reject = map_retry( event.retry );
        device_finish( session, &enrollment->op );
        return hr;
    }
}

/***********************************************************************
 *      WinBioEnrollCapture (winbio.@)
 */
HRESULT WINAPI WinBioEnrollCapture( WINBIO_SESSION_HANDLE handle, WINBIO_REJECT_DETAIL *reject )
{
    struct async_call call = { WINBIO_OPERATION_ENROLL_CAPTURE };
    struct session *session;
    HRESULT hr;

    TRACE( "%lu, %p\n", handle, reject );

    if (!reject) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    *reject = 0;
    if (SUCCEEDED(hr = claim_enrollment( session )))
    {
        /* capturing outside an enrollment, or after it is complete, is out of order */
        if (!session->enrollment || session->enrollment->complete) hr = WINBIO_E_INVALID_DEVICE_STATE;
        else hr = next_capture( session, session->enrollment, reject );
        release_enrollment( session );
    }
    session_end( session );
    TRACE( "returning %#lx, reject detail %lu\n", hr, *reject );
    return hr;
}

static void note_enrollment_committed(void)
{
    DWORD one = 1;
    HKEY key;

    if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, L"System\\CurrentControlSet\\Services\\WbioSrvc\\Parameters",
                         0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL ))
        return;
    RegSetValueExW( key, L"EnrollmentCommitted", 0, REG_DWORD, (const BYTE *)&one, sizeof(one) );
    RegCloseKey( key );
}

static HRESULT commit( struct session *session, WINBIO_IDENTITY *identity, BOOLEAN *is_new )
{
    struct enrollment *enrollment = session->enrollment;
    struct winbio_template template = { 0 };
    HRESULT hr;

    if (!enrollment || !enrollment->complete) return WINBIO_E_INVALID_DEVICE_STATE;
    if (FAILED(hr = enrollment->commit_status))
    {
        end_enrollment( session, FALSE );
        return hr;
    }
    /* as documented, a private pool's templates belong to GUIDs, a new one
     * for each enrollment; the system pool's to the caller's account */
    if (session->pool == WINBIO_POOL_PRIVATE)
    {
        memset( identity, 0, sizeof(*identity) );
        identity->Type = WINBIO_ID_TYPE_GUID;
        identity->Value.TemplateGuid = enrollment->template_id;
    }
    else if (FAILED(hr = identity_get_current_user( identity ))) return hr;

    template.template_id = enrollment->template_id;
    template.identity = *identity;
    template.subfactor = enrollment->subfactor;
    lstrcpynA( template.device_key, enrollment->unit->key, sizeof(template.device_key) );
    template.data = enrollment->template;
    template.data_size = enrollment->template_size;
    hr = storage_add( session->db, &template );
    if (hr == WINBIO_E_DUPLICATE_ENROLLMENT)
    {
        /* this identity already has this finger here: the stored template stays */
        TRACE( "%s already enrolled %#x\n", debugstr_identity( identity ), enrollment->subfactor );
        *is_new = FALSE;
        end_enrollment( session, FALSE );
        return S_OK;
    }
    if (FAILED(hr)) return hr;

    *is_new = TRUE;
    note_enrollment_committed();
    end_enrollment( session, TRUE );
    return S_OK;
}

/***********************************************************************
 *      WinBioEnrollCommit (winbio.@)
 */
HRESULT WINAPI WinBioEnrollCommit( WINBIO_SESSION_HANDLE handle, WINBIO_IDENTITY *identity, BOOLEAN *is_new )
{
    struct async_call call = { WINBIO_OPERATION_ENROLL_COMMIT };
    struct session *session;
    HRESULT hr;

    TRACE( "%lu, %p, %p\n", handle, identity, is_new );

    if (!identity || !is_new) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    if (SUCCEEDED(hr = claim_enrollment( session )))
    {
        hr = commit( session, identity, is_new );
        release_enrollment( session );
    }
    session_end( session );
    return hr;
}

/***********************************************************************
 *      WinBioEnrollDiscard (winbio.@)
 */
HRESULT WINAPI WinBioEnrollDiscard( WINBIO_SESSION_HANDLE handle )
{
    struct async_call call = { WINBIO_OPERATION_ENROLL_DISCARD };
    struct session *session;
    HRESULT hr;

    TRACE( "%lu\n", handle );

    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    if (SUCCEEDED(hr = claim_enrollment( session )))
    {
        if (!session->enrollment) hr = WINBIO_E_INVALID_DEVICE_STATE;
        else end_enrollment( session, FALSE );
        release_enrollment( session );
    }
    session_end( session );
    return hr;
}

/***********************************************************************
 *      WinBioEnrollSelect (winbio.@)
 */
HRESULT WINAPI WinBioEnrollSelect( WINBIO_SESSION_HANDLE handle, ULONGLONG selector )
{
    struct async_call call = { WINBIO_OPERATION_ENROLL_SELECT };
    struct session *session;
    HRESULT hr;

    TRACE( "%lu, %#I64x\n", handle, selector );

    if (!selector) return E_INVALIDARG;
    call.selector = selector;
    /* fingerprint enrollment needs no selection: the value is only checked */
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    session_end( session );
    return hr;
}

static BOOL template_matches( const struct winbio_template *template, const WINBIO_IDENTITY *identity,
                              WINBIO_BIOMETRIC_SUBTYPE subfactor, const struct unit *unit )
{
    return identity_equal( &template->identity, identity ) && !strcmp( template->device_key, unit->key ) &&
           (subfactor == WINBIO_SUBTYPE_ANY || template->subfactor == subfactor);
}

/*
 * A sensor with its own storage is the authority on what it holds: before
 * listing a unit's enrollments, the templates the chip no longer has (it
 * was cleared, or another program deleted them) leave the database.
 */
static HRESULT sync_with_chip( struct session *session, struct unit *unit )
{
    struct winbio_template_set *set;
    struct winbio_unix_blob *blobs;
    const struct winbio_template **templates;
    struct device_op op = { unit };
    SIZE_T i, n = 0, winner, deleted;
    UINT32 size;
    BYTE *stored = NULL;
    HRESULT hr;

    if (!(unit->device.features & WINBIO_UNIX_FEATURE_STORAGE_LIST)) return S_OK;
    if (FAILED(hr = storage_get_set( session->db, &set ))) return hr;
    blobs = winbio_alloc( (set->count + 1) * sizeof(*blobs) );
    templates = winbio_alloc( (set->count + 1) * sizeof(*templates) );
    if (!blobs || !templates) hr = E_OUTOFMEMORY;
    for (i = 0; SUCCEEDED(hr) && i < set->count; i++)
    {
        if (strcmp( set->templates[i].device_key, unit->key )) continue;
        blobs[n].data = (ULONG_PTR)set->templates[i].data;
        blobs[n].size = set->templates[i].data_size;
        templates[n++] = &set->templates[i];
    }

    if (SUCCEEDED(hr) && n && SUCCEEDED(hr = device_acquire( unit, session )))
    {
        op.start.type = WINBIO_UNIX_OP_LIST;
        op.start.templates = (ULONG_PTR)blobs;
        op.start.count = n;
        if (SUCCEEDED(hr = device_run_first( session, &op, 1, &winner )) &&
            SUCCEEDED(hr = map_unix_result( op.result.result )) &&
            (!(stored = device_get_data( op.start.op, 0, &size )) || size != n))
            hr = WINBIO_E_DEVICE_FAILURE;
        device_finish( session, &op );
        device_release( unit );
        for (i = 0; SUCCEEDED(hr) && i < n; i++)
        {
            if (stored[i]) continue;
            TRACE( "%s no longer holds %s %#x\n", debugstr_a(unit->key), debugstr_identity( &templates[i]->identity ),
                   templates[i]->subfactor );
            storage_delete( session->db, &templates[i]->identity, templates[i]->subfactor, unit->key, &deleted );
        }
        winbio_free( stored );
    }
    winbio_free( blobs );
    winbio_free( templates );
    storage_release_set( set );
    return hr;
}

/***********************************************************************
 *      WinBioEnumEnrollments (winbio.@)
 */
HRESULT WINAPI WinBioEnumEnrollments( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id,
                                      WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE **subfactors,
                                      SIZE_T *count )
{
    struct async_call call = { WINBIO_OPERATION_ENUM_ENROLLMENTS };
    struct winbio_template_set *set;
    WINBIO_BIOMETRIC_SUBTYPE *array = NULL;
    struct session *session;
    struct unit *unit = NULL;
    SIZE_T i, j, n = 0;
    HRESULT hr;

    TRACE( "%lu, %lu, %p, %p, %p\n", handle, unit_id, identity, subfactors, count );

    if (subfactors) *subfactors = NULL;
    if (count) *count = 0;
    if (!identity) return E_POINTER;
    call.unit_id = unit_id;
    call.identity = *identity;
    if (!unit_id) return E_INVALIDARG;
    if (!subfactors || !count) call.outputs = E_POINTER;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    hr = session_get_unit( session, unit_id, &unit );
    if (SUCCEEDED(hr) && session_enrolling( session )) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    if (SUCCEEDED(hr)) hr = device_check_enrollment( unit, session );
    if (SUCCEEDED(hr)) hr = identity_check_access( identity );
    if (SUCCEEDED(hr)) hr = sync_with_chip( session, unit );
    if (SUCCEEDED(hr)) hr = storage_get_set( session->db, &set );
    session_end( session );
    if (FAILED(hr)) return hr;

    if (set->count && !(array = winbio_alloc( set->count * sizeof(*array) )))
    {
        storage_release_set( set );
        return E_OUTOFMEMORY;
    }
    for (i = 0; i < set->count; i++)
    {
        if (!template_matches( &set->templates[i], identity, WINBIO_SUBTYPE_ANY, unit )) continue;
        for (j = 0; j < n; j++) if (array[j] == set->templates[i].subfactor) break;
        if (j == n) array[n++] = set->templates[i].subfactor;
    }
    storage_release_set( set );
    if (!n)
    {
        winbio_free( array );
        return WINBIO_E_UNKNOWN_ID;
    }
    *subfactors = array;
    *count = n;
    return S_OK;
}

/***********************************************************************
 *      WinBioDeleteTemplate (winbio.@)
 */
HRESULT WINAPI WinBioDeleteTemplate( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id,
                                     WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor )
{
    struct async_call call = { WINBIO_OPERATION_DELETE_TEMPLATE };
    struct winbio_template_set *set = NULL;
    struct session *session;
    struct unit *unit = NULL;
    SIZE_T i, deleted;
    HRESULT hr;

    TRACE( "%lu, %lu, %s, %#x\n", handle, unit_id, debugstr_identity( identity ), subfactor );

    if (!identity) return E_POINTER;
    if (!unit_id || subfactor == WINBIO_SUBTYPE_NO_INFORMATION) return E_INVALIDARG;
    call.unit_id = unit_id;
    call.identity = *identity;
    call.subfactor = subfactor;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    hr = session_get_unit( session, unit_id, &unit );
    if (SUCCEEDED(hr) && session_enrolling( session )) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    if (SUCCEEDED(hr) && subfactor != WINBIO_SUBTYPE_ANY && !is_finger_subfactor( subfactor )) hr = E_INVALIDARG;
    if (SUCCEEDED(hr)) hr = device_check_enrollment( unit, session );
    /* deleting for every identity, or for another account, is for administrators */
    if (SUCCEEDED(hr)) hr = identity_check_access( identity );
    if (SUCCEEDED(hr) && SUCCEEDED(hr = storage_get_set( session->db, &set )) &&
        (unit->device.features & (WINBIO_UNIX_FEATURE_STORAGE_DELETE | WINBIO_UNIX_FEATURE_STORAGE_CLEAR)) &&
        SUCCEEDED(hr = device_acquire( unit, session )))
    {
        /* Everything of everyone: a sensor that can empty its storage does
         * so in one operation, which also takes the prints no database
         * names (left by another prefix or program). */
        if (identity->Type == WINBIO_ID_TYPE_WILDCARD && subfactor == WINBIO_SUBTYPE_ANY &&
            (unit->device.features & WINBIO_UNIX_FEATURE_STORAGE_CLEAR))
            hr = map_unix_result( run_storage_op( session, unit, WINBIO_UNIX_OP_CLEAR, NULL, 0 ) );
        /* the chip first: should that fail, the database still names
         * every print the chip holds */
        else for (i = 0; i < set->count; i++)
            if (template_matches( &set->templates[i], identity, subfactor, unit ))
                delete_from_chip( session, unit, set->templates[i].data, set->templates[i].data_size );
        device_release( unit );
    }
    if (SUCCEEDED(hr)) hr = storage_delete( session->db, identity, subfactor, unit->key, &deleted );
    if (set) storage_release_set( set );
    session_end( session );
    return hr;
}

/* Whether the system pool's database holds a template of the identity (a
 * wildcard: of anybody).  Only the database is read: no session, no sensor. */
HRESULT enrollment_exists( const WINBIO_IDENTITY *identity, BOOL *found )
{
    struct winbio_template_set *set;
    struct winbio_database *db;
    SIZE_T i;
    HRESULT hr;

    *found = FALSE;
    if (FAILED(hr = storage_open( &winbio_system_database, &db ))) return hr;
    if (SUCCEEDED(hr = storage_get_set( db, &set )))
    {
        for (i = 0; i < set->count && !*found; i++)
            *found = identity_equal( &set->templates[i].identity, identity );
        storage_release_set( set );
    }
    storage_close( db );
    return hr;
}

/***********************************************************************
 *      WinBioGetEnrolledFactors (winbio.@)
 *
 * Fingerprints are the one factor libfprint enrolls.
 */
HRESULT WINAPI WinBioGetEnrolledFactors( WINBIO_IDENTITY *account_owner,
                                         WINBIO_BIOMETRIC_TYPE *enrolled_factors )
{
    BOOL found;
    HRESULT hr;

    TRACE( "%s, %p\n", debugstr_identity( account_owner ), enrolled_factors );

    if (!account_owner || !enrolled_factors) return E_POINTER;
    *enrolled_factors = 0;
    if (account_owner->Type == WINBIO_ID_TYPE_WILDCARD)
    {
        if (account_owner->Value.Wildcard != WINBIO_IDENTITY_WILDCARD) return E_INVALIDARG;
    }
    else if (!identity_is_account( account_owner )) return E_INVALIDARG;

    if (FAILED(hr = enrollment_exists( account_owner, &found ))) return hr;
    if (found) *enrolled_factors = WINBIO_TYPE_FINGERPRINT;
    return S_OK;
}
