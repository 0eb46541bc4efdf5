using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Healthcare;

internal sealed class RequestBedOnPatientAdmitted(Pseudonymizer pseudonymizer, ILogger<RequestBedOnPatientAdmitted> logger)
    : INotificationHandler<PatientAdmitted>
{
    public Task Handle(PatientAdmitted notification, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.AddDomainEventRaisedEvent(nameof(PatientAdmitted), notification.AdmissionId.ToString(), pseudonymizer.PseudonymizeCommandSubjectId(notification.PatientId.Value.ToString())); // clean precision-pseudonym
        activity?.SetTag("ward.code", notification.Ward.Value); // clean direct
        activity?.SetTag("patient.id", notification.PatientId); // leak TC1001 cross-member

        logger.LogInformation("Bed requested on {Ward} after {EventType} {EventId}", notification.Ward, notification.GetType().Name, notification.EventId); // clean precision-names
        return Task.CompletedTask;
    }
}

internal sealed class AuditPatientAdmitted(ILogger<AuditPatientAdmitted> logger) : INotificationHandler<PatientAdmitted>
{
    public Task Handle(PatientAdmitted notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Audit {DomainEvent}", notification); // leak TC1001 logging-objects
        logger.LogInformation("Referral accepted from {ReferrerDomain}", notification.ReferredBy.Split('@')[^1]); // clean precision-about
        return Task.CompletedTask;
    }
}

internal sealed class SampleDischargeForReview(TelemetrySecrets secrets, ILogger<SampleDischargeForReview> logger)
    : INotificationHandler<PatientDischarged>
{
    public Task Handle(PatientDischarged notification, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;

        // Old cohort used by the readmissions dashboard, kept while the new one beds in.
        var legacyCohort = BitConverter.ToUInt16(SHA256.HashData(notification.PatientId.Value.ToByteArray())) % 16;
        activity?.SetTag("patient.cohort", legacyCohort); // leak TC1002 hashes

        var reviewShard = HMACSHA256.HashData(secrets.ShardKey, notification.PatientId.Value.ToByteArray())[0] % 16;
        activity?.SetTag("review.shard", reviewShard); // clean hashes

        logger.LogInformation("Discharge from {Ward} after {LengthOfStay} days queued for review", notification.Ward, notification.LengthOfStayDays); // clean precision-about
        return Task.CompletedTask;
    }
}
