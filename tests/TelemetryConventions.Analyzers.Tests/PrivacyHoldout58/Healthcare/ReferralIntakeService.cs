using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Healthcare;

/// <summary>
/// Receives referrals from the e-Referral Service. Locks, PDS mismatches and duplicates are handled
/// here; PAS faults are tagged and rethrown for <see cref="IntakeExceptionHandler"/>.
/// </summary>
public sealed partial class ReferralIntakeService(
    IPatientAdministration pas,
    IReferralStore store,
    ISmsGateway sms,
    Pseudonymizer pseudonymizer,
    ILogger<ReferralIntakeService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Trust.Referrals.Intake");

    private readonly ReferralFailuresCounter _failures = meter.CreateReferralFailuresCounter();

    public async Task<IntakeResult> ReceiveAsync(IncomingReferral referral, CancellationToken cancellationToken)
    {
        var patientRef = pseudonymizer.PseudonymizeReferralPatientId(referral.HospitalNumber);
        using var span = Source.StartReferralIntake(patientRef, referral.Specialty); // clean precision-pseudonym
        span.SetReferralId(referral.Ubrn); // clean direct

        try
        {
            await EnsureUnlockedAsync(referral, cancellationToken);
            await pas.MatchDemographicsAsync(referral.NhsNumber, referral.DateOfBirth, cancellationToken);
            await store.SaveAsync(referral, cancellationToken);
            await ConfirmAsync(referral, span, cancellationToken);
            return IntakeResult.Accepted;
        }
        catch (Exception ex) when (LogFirstChance(ex, referral.Ubrn)) // leak TC1001 exceptions
        {
            throw;
        }
        catch (PatientRecordLockedException ex)
        {
            span.SetReferralErrorCode(ex.ErrorCode).RecordException(ex); // clean exceptions
            logger.LogReferralRejectedEvent(referral.Ubrn, ex.ErrorCode, pseudonymizer.PseudonymizeReferralPatientId(ex.HospitalNumber), ex.LockReason); // clean precision-pseudonym
            _failures.Add(1, referral.Specialty, ex.ErrorCode); // clean precision-about
            return IntakeResult.RetryLater;
        }
        catch (DemographicMismatchException ex)
        {
            span.SetReferralErrorCode(ex.ErrorCode).RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetReferralNote($"PDS mismatch on {ex.Field}"); // clean precision-names
            LogMismatch(logger, referral.Ubrn, ex.Field, ex.NhsNumber); // leak TC1001 cross-member
            LogMismatchClassified(logger, referral.Ubrn, ex.Field, ex.NhsNumber); // clean cross-member
            span.Activity?.SetTag("referral.failure.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ex.NhsNumber + "|" + ex.Field)))[..16]); // leak TC1002 hashes
            _failures.Add(1, referral.Specialty, ex.ErrorCode);
            return IntakeResult.Rejected;
        }
        catch (ReferralIntakeException ex) when (ex.StatusCode == 409)
        {
            // Only a duplicate gets here (locks are caught above): the referral is already on file.
            span.SetReferralErrorCode(ex.ErrorCode).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogReferralRejectedEvent(referral.Ubrn, ex.ErrorCode, patientRef, ex.Message); // clean generated-api
            return IntakeResult.Accepted;
        }
        catch (ReferralIntakeException ex)
        {
            // A closed specialty: the message names the specialty.
            LogIntakeFailed(logger, ex, referral.Ubrn); // clean exceptions
            span.Activity?.SetTag("error.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ex.GetType().FullName + ex.StackTrace)))[..12]); // clean hashes
            _failures.Add(1, referral.Specialty, ex.ErrorCode);
            return IntakeResult.Rejected;
        }
        catch (PasFaultException ex)
        {
            span.SetReferralErrorCode("REF-PAS").RecordException(ex, includeMessage: true); // clean exceptions
            span.Activity?.SetTag("pas.fault.code", ex.FaultCode); // clean exceptions
            span.Activity?.SetTag("pas.hospital_number", ex.Data["hospitalNumber"]); // leak TC1001 cross-member
            span.Activity?.SetTag("pas.attempts", ex.Data["pas.attempt"]); // clean cross-member
            span.Activity?.SetTag("pas.data.keys", string.Join(",", ex.Data.Keys.Cast<object>())); // clean precision-names
            throw;
        }
    }

    public string? FindLinkedReferral(IncomingReferral referral)
    {
        try
        {
            return store.OpenReferralsByHospitalNumber[referral.HospitalNumber];
        }
        catch (KeyNotFoundException ex)
        {
            logger.LogInformation(ex, "No open referral to link to {Ubrn}", referral.Ubrn); // leak TC1001 exceptions
            return null;
        }
    }

    private async Task ConfirmAsync(IncomingReferral referral, ReferralIntakeSpan span, CancellationToken cancellationToken)
    {
        if (referral.PatientMobile is null)
        {
            return;
        }
        try
        {
            await sms.SendReferralConfirmationAsync(referral.PatientMobile, referral.Ubrn, cancellationToken);
        }
        catch (SmsDeliveryException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.Activity?.SetTag(ReferralAttributes.PatientContact, ex.Recipient); // leak TC1001 cross-member
            logger.LogWarning("Referral confirmation SMS refused with status {Status}", ex.StatusCode); // clean exceptions
        }
    }

    private async Task EnsureUnlockedAsync(IncomingReferral referral, CancellationToken cancellationToken)
    {
        try
        {
            await pas.EnsureUnlockedAsync(referral.HospitalNumber, cancellationToken);
        }
        catch (PasFaultException ex)
        {
            ex.Data["hospitalNumber"] = referral.HospitalNumber;
            ex.Data["ubrn"] = referral.Ubrn;
            ex.Data["pas.attempt"] = 1;
            logger.LogWarning(ex, "PAS lock check failed for referral {Ubrn}", referral.Ubrn); // clean exceptions
            throw;
        }
    }

    private bool LogFirstChance(Exception ex, string ubrn)
    {
        logger.LogInformation(ex, "Intake of referral {Ubrn} failed; handling", ubrn);
        return false;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "PDS mismatch on referral {Ubrn}: {Field} differs for NHS number {NhsNumber}")]
    private static partial void LogMismatch(ILogger logger, string ubrn, string field, string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "PDS mismatch on referral {Ubrn}: {Field} differs for NHS number {NhsNumber}")]
    private static partial void LogMismatchClassified(ILogger logger, string ubrn, string field, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Intake of referral {Ubrn} failed")]
    private static partial void LogIntakeFailed(ILogger logger, Exception exception, string ubrn);
}
