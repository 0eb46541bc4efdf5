using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Healthcare;

public interface IReferralService
{
    Task<ReferralResult> ReferAsync(ReferralRequest request, CancellationToken cancellationToken);

    Task<ReferralStatus?> GetStatusAsync(string referralId, CancellationToken cancellationToken);

    Task WithdrawAsync(string referralId, string hospitalNumber, WithdrawalReason reason, CancellationToken cancellationToken);
}

public sealed record ReferralRequest(
    string HospitalNumber,
    string NhsNumber,
    string ReferrerStaffNumber,
    string Specialty,
    string Priority,
    string ClinicalSummary);

/// <summary><c>RejectionCode</c> comes from the triage team's fixed list (<c>out-of-area</c>, <c>criteria-not-met</c>, …).</summary>
public sealed record ReferralResult(string ReferralId, bool Accepted, string? RejectionCode);

public sealed record ReferralStatus(string ReferralId, string State, DateTimeOffset UpdatedAt);

public enum WithdrawalReason
{
    PatientRequest,
    Duplicate,
    NoLongerNeeded,
}

/// <summary>Thrown by <c>ReferralService.ReferAsync</c>.</summary>
public sealed class DuplicateReferralException(string nhsNumber, string specialty)
    : Exception($"Patient {nhsNumber} already has an open {specialty} referral.");

public static class ReferralRegistration
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) =>
        services.Decorate<IReferralService, TracedReferralService>();
}

/// <summary>Scrutor decorator: traces, logs and times every call of the referral service.</summary>
public sealed class TracedReferralService(
    IReferralService inner,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TracedReferralService> logger) : IReferralService
{
    private readonly Counter<long> _referralsPerPatient = meter.CreateCounter<long>("clinic.referrals.per_patient");

    public async Task<ReferralResult> ReferAsync(ReferralRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartWardServiceCall("ReferralService.Refer"); // clean generated-api
        span.SetWardPatientId(pseudonymizer.PseudonymizeWardPatientId(request.HospitalNumber)); // clean precision-pseudonym
        span.SetWardClinicianId(pseudonymizer.PseudonymizeWardClinicianId(request.ReferrerStaffNumber)); // clean precision-pseudonym
        span.SetWardNote($"{request.Specialty}/{request.Priority}"); // clean generated-api
        Activity.Current?.SetTag("referral.nhs_number", request.NhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("referral.summary.length", request.ClinicalSummary.Length); // clean precision-about
        _referralsPerPatient.Add(1, new KeyValuePair<string, object?>("ward.patient.id", pseudonymizer.ComputeWardPatientId(request.HospitalNumber))); // leak TC1003 precision-pseudonym

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await inner.ReferAsync(request, cancellationToken);
            span.SetWardOutcome(result.Accepted ? WardOutcome.Ok : WardOutcome.Rejected); // clean generated-api
            if (!result.Accepted)
            {
                span.SetWardNote($"rejected: {result.RejectionCode}"); // clean generated-api
            }

            logger.LogInformation("Referral {ReferralId} to {Specialty} decided, accepted {Accepted}", result.ReferralId, request.Specialty, result.Accepted); // clean direct
            return result;
        }
        catch (DuplicateReferralException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetWardNote(ex.Message); // leak TC1001 exceptions
            throw;
        }
        finally
        {
            meter.CreateWardServiceDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "ReferralService.Refer"); // clean precision-about
        }
    }

    public async Task<ReferralStatus?> GetStatusAsync(string referralId, CancellationToken cancellationToken)
    {
        using var span = source.StartWardServiceCall("ReferralService.GetStatus", spanName: $"referral status {referralId}"); // clean generated-api
        var status = await inner.GetStatusAsync(referralId, cancellationToken);
        span.SetWardOutcome(status is null ? WardOutcome.NotFound : WardOutcome.Ok);
        logger.LogDebug("Referral {ReferralId} is {State}", referralId, status?.State); // clean direct
        return status;
    }

    public async Task WithdrawAsync(string referralId, string hospitalNumber, WithdrawalReason reason, CancellationToken cancellationToken)
    {
        using var span = source.StartWardServiceCall("ReferralService.Withdraw", spanName: $"withdraw referral of {hospitalNumber}"); // leak TC1001 generated-api
        span.SetWardPatientId(pseudonymizer.PseudonymizeWardPatientId(hospitalNumber)); // clean precision-pseudonym
        logger.LogInformation("Withdrawing referral {ReferralId} of patient {HospitalNumber}: {Reason}", referralId, hospitalNumber, reason); // leak TC1001 direct
        await inner.WithdrawAsync(referralId, hospitalNumber, reason, cancellationToken);
        meter.CreateWardServiceCallsCounter().Add(1, "ReferralService.Withdraw", WardOutcome.Ok);
    }
}
