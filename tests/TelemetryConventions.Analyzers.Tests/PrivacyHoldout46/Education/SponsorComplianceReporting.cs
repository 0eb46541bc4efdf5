using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Support.Screening;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Education;

/// <summary>
/// A change the university must report to the Home Office as a visa sponsor within ten working days:
/// a sponsored student who withdrew, stopped attending or deferred.
/// </summary>
public sealed record SponsorReport(string StudentNumber, string CasNumber, string BrpNumber, DateOnly BrpExpiry, string Event, string Department, int DaysLate);

/// <summary>Thrown by the sponsor reporting checks when a change is reported after its deadline.</summary>
public sealed class LateSponsorReportException(string studentNumber, int daysLate)
    : Exception($"Change for student {studentNumber} is {daysLate} working days late");

/// <summary>A visiting researcher the university hosts, screened before the visit is approved.</summary>
public sealed record VisitingResearcher(string VisitId, string FullName, DateOnly DateOfBirth, string Nationality, string PassportNumber, string HostDepartment);

/// <summary>A partner organisation of a research contract (a university, a company, a charity).</summary>
public sealed record ResearchPartner(string PartnerId, string RegisteredName, string? CompanyNumber, string Country);

public sealed class SponsorReportingJob(
    ILogger<SponsorReportingJob> logger,
    IRegulatorPortalClient portal,
    TimeProvider time) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.Compliance");
    private readonly Queue<SponsorReport> _pending = new();

    public void Enqueue(SponsorReport report) => _pending.Enqueue(report);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = _pending.ToList();
        _pending.Clear();
        using var span = Source.StartRegulatorNotification("ukvi");
        span.SetIncidentAffectedCount(batch.Count); // clean precision-about
        logger.LogInformation("Sponsor reporting batch: {Withdrawn} withdrawn, {NotAttending} not attending", batch.Count(r => r.Event == "withdrawn"), batch.Count(r => r.Event == "not-attending")); // clean precision-about

        foreach (var report in batch)
        {
            logger.LogInformation("Reporting {StudentNumber} to UKVI: {Event}", report.StudentNumber, report.Event); // leak TC1001 direct
            if (report.DaysLate > 0)
            {
                span.RecordException(new LateSponsorReportException(report.StudentNumber, report.DaysLate), includeMessage: true); // leak TC1001 exceptions
            }

            if (report.BrpExpiry < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(30))
            {
                logger.LogWarning("BRP {BrpNumber} expires on {Expiry}", report.BrpNumber, report.BrpExpiry); // leak TC1001 direct
            }
        }

        try
        {
            var receipt = await portal.SubmitAsync(new RegulatorSubmission("ukvi", "sponsor-change", time.GetUtcNow(), batch.Count, $"{batch.Count} reportable changes", "Compliance Office", "sponsor.compliance@university.example"), stoppingToken);
            span.SetRegulatorReference(receipt.Reference); // clean direct
            span.SetIncidentNote(string.Join(";", batch.Select(r => $"CAS {r.CasNumber} {r.Event}"))); // leak TC1001 generated-api
            span.SetIncidentOutcome("submitted");
        }
        catch (RegulatorPortalException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            batch.ForEach(_pending.Enqueue);
        }
    }
}

/// <summary>Screens visiting researchers and research partners against the sanctions lists.</summary>
public sealed class ResearchScreeningService(
    ILogger<ResearchScreeningService> logger,
    ISanctionsScreeningClient screening,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("University.Compliance");
    private readonly Counter<long> _visits = meter.CreateCounter<long>("research.visits.screened");

    public async Task<bool> ScreenVisitorAsync(VisitingResearcher visitor, CancellationToken cancellationToken)
    {
        using var check = Source.StartScreeningCheck("uk-sanctions");
        check.SetScreeningSubjectRef(pseudonymizer.PseudonymizeScreeningSubjectRef(visitor.PassportNumber)); // clean precision-pseudonym
        _visits.Add(1, new KeyValuePair<string, object?>("visitor.nationality", visitor.Nationality), new KeyValuePair<string, object?>("department", visitor.HostDepartment)); // clean precision-about

        try
        {
            var response = await screening.ScreenPersonAsync(new PersonScreeningRequest(visitor.FullName, visitor.DateOfBirth, visitor.Nationality, visitor.VisitId), cancellationToken);
            check.SetScreeningResult(response.Status);
            meter.CreateScreeningChecksCounter().Add(1, "uk-sanctions", response.Status); // clean generated-api
            if (response.HasHits)
            {
                logger.LogWarning("Visitor {VisitorName} has possible matches: {Hits}", visitor.FullName, response.Hits.Count); // leak TC1001 direct
                logger.LogInformation("Hits for visit {VisitId}: {Hits}", visitor.VisitId, response.Hits.Select(h => new { h.ListName, h.Score, h.EntryType }).ToList()); // clean logging-objects
            }

            return !response.HasHits;
        }
        catch (ScreeningProviderException ex)
        {
            check.RecordException(ex, includeMessage: true); // clean exceptions
            return false;
        }
    }

    public async Task<bool> ScreenPartnerAsync(ResearchPartner partner, CancellationToken cancellationToken)
    {
        using var check = Source.StartScreeningCheck("uk-sanctions");
        var response = await screening.ScreenOrganisationAsync(new OrganisationScreeningRequest(partner.RegisteredName, partner.CompanyNumber, partner.Country, partner.PartnerId), cancellationToken);
        logger.LogInformation("Partner {PartnerName} ({CompanyNumber}, {Country}) screened: {Status}", partner.RegisteredName, partner.CompanyNumber, partner.Country, response.Status); // clean precision-names
        check.SetScreeningResult(response.Status);
        return !response.HasHits;
    }
}
