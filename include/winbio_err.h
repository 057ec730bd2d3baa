/*
 * Windows Biometric Framework: HRESULT codes
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

#ifndef __WINBIO_ERR_H__
#define __WINBIO_ERR_H__

/* winerror.h provides _HRESULT_TYPEDEF_ (and the HRESULT helpers); it is
 * safe to include in any order relative to windows.h and winsock2.h. */
#include <winerror.h>

#ifndef _HRESULT_TYPEDEF_
# ifdef RC_INVOKED
#  define _HRESULT_TYPEDEF_(x) (x)
# else
#  define _HRESULT_TYPEDEF_(x) ((HRESULT)(x))
# endif
#endif

#ifndef FACILITY_NONE
#define FACILITY_NONE    0x0
#endif
#ifndef FACILITY_WINBIO
#define FACILITY_WINBIO  0x9
#endif

/* Error codes: severity 1, facility FACILITY_WINBIO. */

/* factor not supported */
#define WINBIO_E_UNSUPPORTED_FACTOR                      _HRESULT_TYPEDEF_(0x80098001L)
/* unit id does not name a valid biometric unit */
#define WINBIO_E_INVALID_UNIT                            _HRESULT_TYPEDEF_(0x80098002L)
/* sample matches no known identity */
#define WINBIO_E_UNKNOWN_ID                              _HRESULT_TYPEDEF_(0x80098003L)
/* operation cancelled before completion */
#define WINBIO_E_CANCELED                                _HRESULT_TYPEDEF_(0x80098004L)
/* sample does not match the given identity/sub-factor */
#define WINBIO_E_NO_MATCH                                _HRESULT_TYPEDEF_(0x80098005L)
/* capture was aborted */
#define WINBIO_E_CAPTURE_ABORTED                         _HRESULT_TYPEDEF_(0x80098006L)
/* another enrollment is already running (or the unit is busy enrolling) */
#define WINBIO_E_ENROLLMENT_IN_PROGRESS                  _HRESULT_TYPEDEF_(0x80098007L)
/* captured sample unusable; see RejectDetail */
#define WINBIO_E_BAD_CAPTURE                             _HRESULT_TYPEDEF_(0x80098008L)
/* unit does not know the control code */
#define WINBIO_E_INVALID_CONTROL_CODE                    _HRESULT_TYPEDEF_(0x80098009L)
/* a data collection is already pending */
#define WINBIO_E_DATA_COLLECTION_IN_PROGRESS             _HRESULT_TYPEDEF_(0x8009800BL)
/* sensor driver does not support the data format */
#define WINBIO_E_UNSUPPORTED_DATA_FORMAT                 _HRESULT_TYPEDEF_(0x8009800CL)
/* sensor driver does not support the data type */
#define WINBIO_E_UNSUPPORTED_DATA_TYPE                   _HRESULT_TYPEDEF_(0x8009800DL)
/* sensor driver does not support the purpose */
#define WINBIO_E_UNSUPPORTED_PURPOSE                     _HRESULT_TYPEDEF_(0x8009800EL)
/* unit is in the wrong state for the operation */
#define WINBIO_E_INVALID_DEVICE_STATE                    _HRESULT_TYPEDEF_(0x8009800FL)
/* sensor busy */
#define WINBIO_E_DEVICE_BUSY                             _HRESULT_TYPEDEF_(0x80098010L)
/* storage adapter could not create a database */
#define WINBIO_E_DATABASE_CANT_CREATE                    _HRESULT_TYPEDEF_(0x80098011L)
/* could not open a database */
#define WINBIO_E_DATABASE_CANT_OPEN                      _HRESULT_TYPEDEF_(0x80098012L)
/* could not close a database */
#define WINBIO_E_DATABASE_CANT_CLOSE                     _HRESULT_TYPEDEF_(0x80098013L)
/* could not erase a database */
#define WINBIO_E_DATABASE_CANT_ERASE                     _HRESULT_TYPEDEF_(0x80098014L)
/* could not find a database */
#define WINBIO_E_DATABASE_CANT_FIND                      _HRESULT_TYPEDEF_(0x80098015L)
/* database to create already exists */
#define WINBIO_E_DATABASE_ALREADY_EXISTS                 _HRESULT_TYPEDEF_(0x80098016L)
/* no room for another record */
#define WINBIO_E_DATABASE_FULL                           _HRESULT_TYPEDEF_(0x80098018L)
/* database locked */
#define WINBIO_E_DATABASE_LOCKED                         _HRESULT_TYPEDEF_(0x80098019L)
/* database corrupted */
#define WINBIO_E_DATABASE_CORRUPTED                      _HRESULT_TYPEDEF_(0x8009801AL)
/* nothing deleted: identity/sub-factor not present */
#define WINBIO_E_DATABASE_NO_SUCH_RECORD                 _HRESULT_TYPEDEF_(0x8009801BL)
/* identity/sub-factor already enrolled */
#define WINBIO_E_DUPLICATE_ENROLLMENT                    _HRESULT_TYPEDEF_(0x8009801CL)
/* database read error */
#define WINBIO_E_DATABASE_READ_ERROR                     _HRESULT_TYPEDEF_(0x8009801DL)
/* database write error */
#define WINBIO_E_DATABASE_WRITE_ERROR                    _HRESULT_TYPEDEF_(0x8009801EL)
/* query matched no record */
#define WINBIO_E_DATABASE_NO_RESULTS                     _HRESULT_TYPEDEF_(0x8009801FL)
/* all query results already returned */
#define WINBIO_E_DATABASE_NO_MORE_RECORDS                _HRESULT_TYPEDEF_(0x80098020L)
/* unexpected end of file */
#define WINBIO_E_DATABASE_EOF                            _HRESULT_TYPEDEF_(0x80098021L)
/* malformed index vector */
#define WINBIO_E_DATABASE_BAD_INDEX_VECTOR               _HRESULT_TYPEDEF_(0x80098022L)
/* unit does not belong to that service provider */
#define WINBIO_E_INCORRECT_BSP                           _HRESULT_TYPEDEF_(0x80098024L)
/* unit does not belong to that pool */
#define WINBIO_E_INCORRECT_SENSOR_POOL                   _HRESULT_TYPEDEF_(0x80098025L)
/* sensor capture buffer empty */
#define WINBIO_E_NO_CAPTURE_DATA                         _HRESULT_TYPEDEF_(0x80098026L)
/* configured sensor mode not supported */
#define WINBIO_E_INVALID_SENSOR_MODE                     _HRESULT_TYPEDEF_(0x80098027L)
/* locking conflict (unit locked / not locked / other unit locked) */
#define WINBIO_E_LOCK_VIOLATION                          _HRESULT_TYPEDEF_(0x8009802AL)
/* template duplicates one stored under another identity/sub-factor */
#define WINBIO_E_DUPLICATE_TEMPLATE                      _HRESULT_TYPEDEF_(0x8009802BL)
/* operation not valid in the current session/unit state */
#define WINBIO_E_INVALID_OPERATION                       _HRESULT_TYPEDEF_(0x8009802CL)
/* session already has an operation in progress */
#define WINBIO_E_SESSION_BUSY                            _HRESULT_TYPEDEF_(0x8009802DL)
/* policy disabled the biometric credential provider */
#define WINBIO_E_CRED_PROV_DISABLED                      _HRESULT_TYPEDEF_(0x80098030L)
/* credential not found */
#define WINBIO_E_CRED_PROV_NO_CREDENTIAL                 _HRESULT_TYPEDEF_(0x80098031L)
/* policy disabled the biometric service */
#define WINBIO_E_DISABLED                                _HRESULT_TYPEDEF_(0x80098032L)
/* unit could not be configured */
#define WINBIO_E_CONFIGURATION_FAILURE                   _HRESULT_TYPEDEF_(0x80098033L)
/* private pool: a requested unit is not available */
#define WINBIO_E_SENSOR_UNAVAILABLE                      _HRESULT_TYPEDEF_(0x80098034L)
/* secure attention sequence (Ctrl+Alt+Del) required for logon */
#define WINBIO_E_SAS_ENABLED                             _HRESULT_TYPEDEF_(0x80098035L)
/* sensor failed */
#define WINBIO_E_DEVICE_FAILURE                          _HRESULT_TYPEDEF_(0x80098036L)
/* fast user switching disabled */
#define WINBIO_E_FAST_USER_SWITCH_DISABLED               _HRESULT_TYPEDEF_(0x80098037L)
/* system pool cannot be opened from a remote (Terminal Server) session */
#define WINBIO_E_NOT_ACTIVE_CONSOLE                      _HRESULT_TYPEDEF_(0x80098038L)
/* session already has an event monitor */
#define WINBIO_E_EVENT_MONITOR_ACTIVE                    _HRESULT_TYPEDEF_(0x80098039L)
/* bad property type */
#define WINBIO_E_INVALID_PROPERTY_TYPE                   _HRESULT_TYPEDEF_(0x8009803AL)
/* bad property id */
#define WINBIO_E_INVALID_PROPERTY_ID                     _HRESULT_TYPEDEF_(0x8009803BL)
/* unit does not support the property */
#define WINBIO_E_UNSUPPORTED_PROPERTY                    _HRESULT_TYPEDEF_(0x8009803CL)
/* adapter failed its integrity check */
#define WINBIO_E_ADAPTER_INTEGRITY_FAILURE               _HRESULT_TYPEDEF_(0x8009803DL)
/* wrong kind of handle (e.g. sync handle where an async one is required) */
#define WINBIO_E_INCORRECT_SESSION_TYPE                  _HRESULT_TYPEDEF_(0x8009803EL)
/* session handle already closed / marked for closing */
#define WINBIO_E_SESSION_HANDLE_CLOSED                   _HRESULT_TYPEDEF_(0x8009803FL)
/* operation aborted: it would deadlock */
#define WINBIO_E_DEADLOCK_DETECTED                       _HRESULT_TYPEDEF_(0x80098040L)
/* no pre-boot logon identity */
#define WINBIO_E_NO_PREBOOT_IDENTITY                     _HRESULT_TYPEDEF_(0x80098041L)
/* aborted after too many errors */
#define WINBIO_E_MAX_ERROR_COUNT_EXCEEDED                _HRESULT_TYPEDEF_(0x80098042L)
/* policy disabled pre-boot biometric auto-logon */
#define WINBIO_E_AUTO_LOGON_DISABLED                     _HRESULT_TYPEDEF_(0x80098043L)
/* ticket wrong or expired */
#define WINBIO_E_INVALID_TICKET                          _HRESULT_TYPEDEF_(0x80098044L)
/* process holds too many tickets */
#define WINBIO_E_TICKET_QUOTA_EXCEEDED                   _HRESULT_TYPEDEF_(0x80098045L)
/* service could not decrypt the data */
#define WINBIO_E_DATA_PROTECTION_FAILURE                 _HRESULT_TYPEDEF_(0x80098046L)
/* biometrics locked out after too many unrecognised scans */
#define WINBIO_E_CRED_PROV_SECURITY_LOCKOUT              _HRESULT_TYPEDEF_(0x80098047L)
/* pool type not supported for this factor */
#define WINBIO_E_UNSUPPORTED_POOL_TYPE                   _HRESULT_TYPEDEF_(0x80098048L)
/* WinBioEnrollSelect must be called first (face/iris) */
#define WINBIO_E_SELECTION_REQUIRED                      _HRESULT_TYPEDEF_(0x80098049L)
/* session already has a presence monitor */
#define WINBIO_E_PRESENCE_MONITOR_ACTIVE                 _HRESULT_TYPEDEF_(0x8009804AL)
/* sub-factor out of range or unsupported */
#define WINBIO_E_INVALID_SUBFACTOR                       _HRESULT_TYPEDEF_(0x8009804BL)
/* sensor adapter returned a bad calibration format array */
#define WINBIO_E_INVALID_CALIBRATION_FORMAT_ARRAY        _HRESULT_TYPEDEF_(0x8009804CL)
/* sensor and engine share no calibration format */
#define WINBIO_E_NO_SUPPORTED_CALIBRATION_FORMAT         _HRESULT_TYPEDEF_(0x8009804DL)
/* sensor does not support the calibration format */
#define WINBIO_E_UNSUPPORTED_SENSOR_CALIBRATION_FORMAT   _HRESULT_TYPEDEF_(0x8009804EL)
/* calibration buffer too small */
#define WINBIO_E_CALIBRATION_BUFFER_TOO_SMALL            _HRESULT_TYPEDEF_(0x8009804FL)
/* calibration buffer too large */
#define WINBIO_E_CALIBRATION_BUFFER_TOO_LARGE            _HRESULT_TYPEDEF_(0x80098050L)
/* calibration buffer contents unusable */
#define WINBIO_E_CALIBRATION_BUFFER_INVALID              _HRESULT_TYPEDEF_(0x80098051L)
/* invalid key identifier */
#define WINBIO_E_INVALID_KEY_IDENTIFIER                  _HRESULT_TYPEDEF_(0x80098052L)
/* key could not be created */
#define WINBIO_E_KEY_CREATION_FAILED                     _HRESULT_TYPEDEF_(0x80098053L)
/* key identifier buffer too small */
#define WINBIO_E_KEY_IDENTIFIER_BUFFER_TOO_SMALL         _HRESULT_TYPEDEF_(0x80098054L)
/* unit cannot supply this property right now */
#define WINBIO_E_PROPERTY_UNAVAILABLE                    _HRESULT_TYPEDEF_(0x80098055L)
/* policy protection unavailable (no usable TPM 2.0) */
#define WINBIO_E_POLICY_PROTECTION_UNAVAILABLE           _HRESULT_TYPEDEF_(0x80098056L)
/* sensor has no secure hardware data path */
#define WINBIO_E_INSECURE_SENSOR                         _HRESULT_TYPEDEF_(0x80098057L)
/* identifier does not name a valid buffer */
#define WINBIO_E_INVALID_BUFFER_ID                       _HRESULT_TYPEDEF_(0x80098058L)
/* buffer contents not valid */
#define WINBIO_E_INVALID_BUFFER                          _HRESULT_TYPEDEF_(0x80098059L)
/* secure (VBS) component of the service compromised */
#define WINBIO_E_TRUSTLET_INTEGRITY_FAIL                 _HRESULT_TYPEDEF_(0x8009805AL)
/* enrollment cancelled because the machine suspended */
#define WINBIO_E_ENROLLMENT_CANCELED_BY_SUSPEND          _HRESULT_TYPEDEF_(0x8009805BL)

/* Informational codes: severity 0, so SUCCEEDED() is true for them. */

/* success code: engine needs more samples (WinBioEnrollCapture) */
#define WINBIO_I_MORE_DATA                               _HRESULT_TYPEDEF_(0x00090001L)
/* success code: result carries several status values to check separately */
#define WINBIO_I_EXTENDED_STATUS_INFORMATION             _HRESULT_TYPEDEF_(0x00090002L)

#endif /* __WINBIO_ERR_H__ */
