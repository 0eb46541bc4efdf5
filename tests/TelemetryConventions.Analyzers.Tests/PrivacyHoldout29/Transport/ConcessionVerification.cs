using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Kyc;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Transport;

public enum ConcessionType
{
    OlderPerson,
    Disabled,
    Student16To18,
    Veteran,
}

public sealed record ConcessionApplication(Guid ApplicationId, Guid RiderId, string RiderEmail, ConcessionType Type, string ApplicantId, string? TravelCardNumber);

/// <summary>Thrown when the document does not prove eligibility for the concession.</summary>
public sealed class NotEligibleException(ConcessionType type, string detail) : Exception($"Not eligible for {type}: {detail}");

/// <summary>Checks the document a rider uploads with a concession application; the pass is issued when it proves eligibility.</summary>
public sealed class ConcessionVerification(IKycClient kyc, Pseudonymizer pseudonymizer, ILogger<ConcessionVerification> logger)
{
    private static readonly ActivitySource Source = new("Transit.Concessions");

    public async Task<bool> VerifyAsync(ConcessionApplication application, CancellationToken cancellationToken)
    {
        using var span = Source.StartDsrWorkflow("identity-verification");
        span.SetDsrRequestId(application.ApplicationId.ToString()); // clean precision-names
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(application.RiderId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("concession.type", application.Type.ToString());
        Activity.Current?.SetBaggage("rider.id", application.RiderId.ToString()); // leak TC1001 direct

        var check = await kyc.CreateCheckAsync(application.ApplicantId, ["document"], cancellationToken);
        var reports = await Task.WhenAll(check.ReportIds.Select(id => kyc.GetReportAsync(id, cancellationToken)));
        var document = reports.FirstOrDefault(r => r.Name == "document");
        span.SetDsrRecordsCount(reports.Length);

        try
        {
            if (document?.Properties is not { } properties)
            {
                throw new NotEligibleException(application.Type, "no readable document");
            }

            Activity.Current?.SetTag("concession.document.country", properties.IssuingCountry); // clean precision-about
            Activity.Current?.SetTag("concession.document.breakdown", string.Join(",", document.Breakdown.Select(b => $"{b.Key}={b.Value}"))); // clean precision-about
            if (application.Type == ConcessionType.OlderPerson && properties.DateOfBirth is { } dob && dob.AddYears(66) > DateOnly.FromDateTime(DateTime.UtcNow))
            {
                throw new NotEligibleException(application.Type, $"born {dob:yyyy-MM-dd}, document {properties.DocumentNumber}");
            }

            logger.LogInformation("Concession {Type} verified for {Holder}", application.Type, $"{properties.FirstName} {properties.LastName}"); // leak TC1001 strings
            return true;
        }
        catch (NotEligibleException ex)
        {
            span.AddDsrStepFailedEvent("eligibility", dsrNote: ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Concession application {ApplicationId} refused ({Result})", application.ApplicationId, document?.Result); // clean exceptions
            return false;
        }
    }
}
