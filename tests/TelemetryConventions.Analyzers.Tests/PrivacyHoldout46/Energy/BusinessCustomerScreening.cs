using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support.Screening;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Energy;

/// <summary>A director or person with significant control, as Companies House lists them.</summary>
public sealed record CompanyOfficer(string OfficerId, string FullName, DateOnly DateOfBirth, string Nationality, string Role);

/// <summary>A business applying for a supply contract; a sole trader has no company number.</summary>
public sealed record BusinessApplication(string ApplicationId, string TradingName, string? CompanyNumber, string AccountNumber, IReadOnlyList<CompanyOfficer> Officers);

/// <summary>A complaint sampled for the quarterly complaints-handling audit.</summary>
public sealed record ComplaintRecord(string ComplaintId, string AccountNumber, string Category, int DaysToResolve);

/// <summary>Screens new business customers and their officers against the UK sanctions list before a contract is offered.</summary>
public sealed class BusinessCustomerScreening(
    ILogger<BusinessCustomerScreening> logger,
    ISanctionsScreeningClient screening,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Supplier.Onboarding");

    public async Task<bool> ScreenAsync(BusinessApplication application, CancellationToken cancellationToken)
    {
        if (application.CompanyNumber is { } companyNumber)
        {
            logger.LogInformation("Screening company {CompanyName} ({CompanyNumber}) for application {ApplicationId}", application.TradingName, companyNumber, application.ApplicationId); // clean precision-names
        }

        var clear = true;

        foreach (var officer in application.Officers)
        {
            using var check = Source.StartScreeningCheck("uk-sanctions");
            check.SetScreeningSubjectRef(pseudonymizer.PseudonymizeScreeningSubjectRef(officer.OfficerId)); // clean precision-pseudonym
            var request = new PersonScreeningRequest(officer.FullName, officer.DateOfBirth, officer.Nationality, application.ApplicationId);
            logger.LogDebug("Screening request {Request}", request); // leak TC1001 logging-objects
            var response = await screening.ScreenPersonAsync(request, cancellationToken);

            check.SetScreeningResult(response.HasHits ? "possible-match" : "clear");
            meter.CreateScreeningChecksCounter().Add(1, "uk-sanctions", response.HasHits ? "possible-match" : "clear"); // clean generated-api
            if (!response.HasHits)
            {
                continue;
            }

            clear = false;
            var best = response.Hits.MaxBy(h => h.Score)!;
            check.SetLegalNote($"{response.Hits.Count} hits, best score {best.Score:0.00} on {best.ListName}"); // clean generated-api
            check.SetLegalNote($"possible match with {best.MatchedName}"); // leak TC1001 generated-api
            logger.LogWarning("Officer {OfficerName}, born {DateOfBirth}, may match {MatchedName} on {List}", officer.FullName, officer.DateOfBirth, best.MatchedName, best.ListName); // leak TC1001 direct
            logger.LogWarning("Officer with role {OfficerRole} may match an {EntryType} on {List}", officer.Role, best.EntryType, best.ListName); // clean precision-names
        }

        if (application.CompanyNumber is null)
        {
            // A sole trader's account is the person's own.
            Activity.Current?.SetTag("onboarding.sole_trader.account", application.AccountNumber); // leak TC1001 direct
        }

        Activity.Current?.SetTag("onboarding.officers.count", application.Officers.Count); // clean precision-names
        return clear;
    }
}

/// <summary>Draws the quarterly sample of complaints that the complaints-handling audit re-checks.</summary>
public sealed class ComplaintsAuditSampler(ILogger<ComplaintsAuditSampler> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Compliance");

    public IReadOnlyList<ComplaintRecord> Draw(IEnumerable<ComplaintRecord> quarter)
    {
        using var activity = Source.StartActivity("complaints.audit.sample");
        var sample = new List<ComplaintRecord>();
        foreach (var complaint in quarter)
        {
            // One in twenty, stable across re-runs within the process.
            var bucket = (complaint.AccountNumber.GetHashCode() & 0x7fffffff) % 40;
            if (bucket < 2)
            {
                sample.Add(complaint);
                activity?.AddEvent(new ActivityEvent("complaint.sampled", tags: new ActivityTagsCollection { ["complaint.id"] = complaint.ComplaintId, ["audit.bucket"] = bucket })); // leak TC1002 hashes
            }
        }

        logger.LogInformation("Sampled {Count} complaints: {Categories}", sample.Count, sample.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogInformation("Sampled complaints: {Sample}", sample); // leak TC1001 logging-objects
        return sample;
    }
}
