/*
 * Windows Biometric Framework client API
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

#ifndef __WINBIO_H__
#define __WINBIO_H__

#include "winbio_types.h"
#include "winbio_err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sessions and framework handles */

HRESULT WINAPI WinBioOpenSession(WINBIO_BIOMETRIC_TYPE Factor, WINBIO_POOL_TYPE PoolType,
        WINBIO_SESSION_FLAGS Flags, WINBIO_UNIT_ID *UnitArray, SIZE_T UnitCount,
        GUID *DatabaseId, WINBIO_SESSION_HANDLE *SessionHandle);
HRESULT WINAPI WinBioAsyncOpenSession(WINBIO_BIOMETRIC_TYPE Factor, WINBIO_POOL_TYPE PoolType,
        WINBIO_SESSION_FLAGS Flags, WINBIO_UNIT_ID *UnitArray, SIZE_T UnitCount,
        GUID *DatabaseId, WINBIO_ASYNC_NOTIFICATION_METHOD NotificationMethod,
        HWND TargetWindow, UINT MessageCode, PWINBIO_ASYNC_COMPLETION_CALLBACK CallbackRoutine,
        PVOID UserData, BOOL AsynchronousOpen, WINBIO_SESSION_HANDLE *SessionHandle);
HRESULT WINAPI WinBioCloseSession(WINBIO_SESSION_HANDLE SessionHandle);
HRESULT WINAPI WinBioAsyncOpenFramework(WINBIO_ASYNC_NOTIFICATION_METHOD NotificationMethod,
        HWND TargetWindow, UINT MessageCode, PWINBIO_ASYNC_COMPLETION_CALLBACK CallbackRoutine,
        PVOID UserData, BOOL AsynchronousOpen, WINBIO_FRAMEWORK_HANDLE *FrameworkHandle);
HRESULT WINAPI WinBioCloseFramework(WINBIO_FRAMEWORK_HANDLE FrameworkHandle);
HRESULT WINAPI WinBioCancel(WINBIO_SESSION_HANDLE SessionHandle);
HRESULT WINAPI WinBioWait(WINBIO_SESSION_HANDLE SessionHandle);

/* Enumeration */

HRESULT WINAPI WinBioEnumServiceProviders(WINBIO_BIOMETRIC_TYPE Factor,
        WINBIO_BSP_SCHEMA **BspSchemaArray, SIZE_T *BspCount);
HRESULT WINAPI WinBioEnumBiometricUnits(WINBIO_BIOMETRIC_TYPE Factor,
        WINBIO_UNIT_SCHEMA **UnitSchemaArray, SIZE_T *UnitCount);
HRESULT WINAPI WinBioEnumDatabases(WINBIO_BIOMETRIC_TYPE Factor,
        WINBIO_STORAGE_SCHEMA **StorageSchemaArray, SIZE_T *StorageCount);
HRESULT WINAPI WinBioAsyncEnumServiceProviders(WINBIO_FRAMEWORK_HANDLE FrameworkHandle,
        WINBIO_BIOMETRIC_TYPE Factor);
HRESULT WINAPI WinBioAsyncEnumBiometricUnits(WINBIO_FRAMEWORK_HANDLE FrameworkHandle,
        WINBIO_BIOMETRIC_TYPE Factor);
HRESULT WINAPI WinBioAsyncEnumDatabases(WINBIO_FRAMEWORK_HANDLE FrameworkHandle,
        WINBIO_BIOMETRIC_TYPE Factor);
HRESULT WINAPI WinBioAsyncMonitorFrameworkChanges(WINBIO_FRAMEWORK_HANDLE FrameworkHandle,
        WINBIO_FRAMEWORK_CHANGE_TYPE ChangeTypes);

/* Recognition and capture */

HRESULT WINAPI WinBioVerify(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_IDENTITY *Identity,
        WINBIO_BIOMETRIC_SUBTYPE SubFactor, WINBIO_UNIT_ID *UnitId, BOOLEAN *Match,
        WINBIO_REJECT_DETAIL *RejectDetail);
HRESULT WINAPI WinBioVerifyWithCallback(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_IDENTITY *Identity, WINBIO_BIOMETRIC_SUBTYPE SubFactor,
        PWINBIO_VERIFY_CALLBACK VerifyCallback, PVOID VerifyCallbackContext);
HRESULT WINAPI WinBioIdentify(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID *UnitId,
        WINBIO_IDENTITY *Identity, WINBIO_BIOMETRIC_SUBTYPE *SubFactor,
        WINBIO_REJECT_DETAIL *RejectDetail);
HRESULT WINAPI WinBioIdentifyWithCallback(WINBIO_SESSION_HANDLE SessionHandle,
        PWINBIO_IDENTIFY_CALLBACK IdentifyCallback, PVOID IdentifyCallbackContext);
HRESULT WINAPI WinBioLocateSensor(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID *UnitId);
HRESULT WINAPI WinBioLocateSensorWithCallback(WINBIO_SESSION_HANDLE SessionHandle,
        PWINBIO_LOCATE_SENSOR_CALLBACK LocateCallback, PVOID LocateCallbackContext);
HRESULT WINAPI WinBioCaptureSample(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_BIR_PURPOSE Purpose, WINBIO_BIR_DATA_FLAGS Flags, WINBIO_UNIT_ID *UnitId,
        WINBIO_BIR **Sample, SIZE_T *SampleSize, WINBIO_REJECT_DETAIL *RejectDetail);
HRESULT WINAPI WinBioCaptureSampleWithCallback(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_BIR_PURPOSE Purpose, WINBIO_BIR_DATA_FLAGS Flags,
        PWINBIO_CAPTURE_CALLBACK CaptureCallback, PVOID CaptureCallbackContext);

/* Enrollment and templates */

HRESULT WINAPI WinBioEnrollBegin(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_BIOMETRIC_SUBTYPE SubFactor, WINBIO_UNIT_ID UnitId);
HRESULT WINAPI WinBioEnrollSelect(WINBIO_SESSION_HANDLE SessionHandle, ULONGLONG SelectorValue);
HRESULT WINAPI WinBioEnrollCapture(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_REJECT_DETAIL *RejectDetail);
HRESULT WINAPI WinBioEnrollCaptureWithCallback(WINBIO_SESSION_HANDLE SessionHandle,
        PWINBIO_ENROLL_CAPTURE_CALLBACK EnrollCallback, PVOID EnrollCallbackContext);
HRESULT WINAPI WinBioEnrollCommit(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_IDENTITY *Identity, BOOLEAN *IsNewTemplate);
HRESULT WINAPI WinBioEnrollDiscard(WINBIO_SESSION_HANDLE SessionHandle);
HRESULT WINAPI WinBioEnumEnrollments(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID UnitId,
        WINBIO_IDENTITY *Identity, WINBIO_BIOMETRIC_SUBTYPE **SubFactorArray,
        SIZE_T *SubFactorCount);
HRESULT WINAPI WinBioDeleteTemplate(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID UnitId,
        WINBIO_IDENTITY *Identity, WINBIO_BIOMETRIC_SUBTYPE SubFactor);
/* No WinBioImproveBegin/WinBioImproveEnd: newer SDKs declare them, but the
 * Windows 10 export table winbio.spec mirrors has neither, and a prototype
 * without an export would only fail at link time. */

/* Units, properties and monitors */

HRESULT WINAPI WinBioLockUnit(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID UnitId);
HRESULT WINAPI WinBioUnlockUnit(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID UnitId);
HRESULT WINAPI WinBioControlUnit(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID UnitId,
        WINBIO_COMPONENT Component, ULONG ControlCode, PUCHAR SendBuffer,
        SIZE_T SendBufferSize, PUCHAR ReceiveBuffer, SIZE_T ReceiveBufferSize,
        SIZE_T *ReceiveDataSize, ULONG *OperationStatus);
HRESULT WINAPI WinBioControlUnitPrivileged(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_UNIT_ID UnitId, WINBIO_COMPONENT Component, ULONG ControlCode,
        PUCHAR SendBuffer, SIZE_T SendBufferSize, PUCHAR ReceiveBuffer,
        SIZE_T ReceiveBufferSize, SIZE_T *ReceiveDataSize, ULONG *OperationStatus);
HRESULT WINAPI WinBioGetProperty(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_PROPERTY_TYPE PropertyType, WINBIO_PROPERTY_ID PropertyId,
        WINBIO_UNIT_ID UnitId, WINBIO_IDENTITY *Identity, WINBIO_BIOMETRIC_SUBTYPE SubFactor,
        PVOID *PropertyBuffer, SIZE_T *PropertyBufferSize);
HRESULT WINAPI WinBioSetProperty(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_PROPERTY_TYPE PropertyType, WINBIO_PROPERTY_ID PropertyId,
        WINBIO_UNIT_ID UnitId, WINBIO_IDENTITY *Identity, WINBIO_BIOMETRIC_SUBTYPE SubFactor,
        PVOID PropertyBuffer, SIZE_T PropertyBufferSize);
HRESULT WINAPI WinBioRegisterEventMonitor(WINBIO_SESSION_HANDLE SessionHandle,
        WINBIO_EVENT_TYPE EventMask, PWINBIO_EVENT_CALLBACK EventCallback,
        PVOID EventCallbackContext);
HRESULT WINAPI WinBioUnregisterEventMonitor(WINBIO_SESSION_HANDLE SessionHandle);
HRESULT WINAPI WinBioMonitorPresence(WINBIO_SESSION_HANDLE SessionHandle, WINBIO_UNIT_ID UnitId);

/* Focus, logon, settings and credentials */

HRESULT WINAPI WinBioAcquireFocus(void);
HRESULT WINAPI WinBioReleaseFocus(void);
HRESULT WINAPI WinBioLogonIdentifiedUser(WINBIO_SESSION_HANDLE SessionHandle);
HRESULT WINAPI WinBioGetEnrolledFactors(WINBIO_IDENTITY *AccountOwner,
        WINBIO_BIOMETRIC_TYPE *EnrolledFactors);
VOID WINAPI WinBioGetEnabledSetting(BOOLEAN *Value, WINBIO_SETTING_SOURCE_TYPE *Source);
VOID WINAPI WinBioGetLogonSetting(BOOLEAN *Value, WINBIO_SETTING_SOURCE_TYPE *Source);
VOID WINAPI WinBioGetDomainLogonSetting(BOOLEAN *Value, WINBIO_SETTING_SOURCE_TYPE *Source);
HRESULT WINAPI WinBioGetCredentialState(WINBIO_IDENTITY Identity, WINBIO_CREDENTIAL_TYPE Type,
        WINBIO_CREDENTIAL_STATE *CredentialState);
HRESULT WINAPI WinBioSetCredential(WINBIO_CREDENTIAL_TYPE Type, PUCHAR Credential,
        SIZE_T CredentialSize, WINBIO_CREDENTIAL_FORMAT Format);
HRESULT WINAPI WinBioRemoveCredential(WINBIO_IDENTITY Identity, WINBIO_CREDENTIAL_TYPE Type);
HRESULT WINAPI WinBioRemoveAllCredentials(void);
HRESULT WINAPI WinBioRemoveAllDomainCredentials(void);

/* Memory */

HRESULT WINAPI WinBioFree(PVOID Address);

#ifdef __cplusplus
}
#endif

#endif /* __WINBIO_H__ */
