using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Healthcare;

/// <summary>An application for NHS continuing healthcare funding, made by a patient or a relative.</summary>
public sealed record ChcApplication(
    string ApplicationId,
    string NhsNumber,
    string PatientName,
    DateOnly DateOfBirth,
    string ApplicantEmail,
    string ApplicantRelationship,
    string Ward,
    IReadOnlyList<string> EvidenceDocumentIds);

public sealed record ChcAssessor(string StaffNumber, string DisplayName, string Team);

public sealed record ChcDecision(string ApplicationId, string Outcome, int DomainsAtSevere, int DomainsAtHigh, ChcAssessor Assessor);

public sealed record ChcReviewRequest(string ApplicationId, string Grounds, bool RequestedByPatient);

public sealed class ContinuingHealthcareService(
    ActivitySource source,
    Meter meter,
    ILogger<ContinuingHealthcareService> logger,
    Pseudonymizer pseudonymizer,
    ICaseStore<ChcApplication> applications,
    INotificationClient notify,
    TimeProvider clock)
{
    private readonly Counter<long> _received = meter.CreateCounter<long>("chc.applications.received", "{application}");

    public async Task<string> SubmitAsync(ChcApplication application, CancellationToken cancellationToken)
    {
        using var span = source.StartCaseworkCase("chc-application", spanName: "chc.application.submit");
        span.SetCaseworkCaseId(application.ApplicationId); // clean direct
        span.SetCaseworkSubjectId(pseudonymizer.PseudonymizeCaseworkSubjectId(application.NhsNumber)); // clean precision-pseudonym
        span.SetCaseworkDocumentsCount(application.EvidenceDocumentIds.Count);

        Activity.Current?.SetTag("chc.patient.nhs_number", application.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("chc.patient.age_band", AgeBand(application.DateOfBirth, clock)); // clean precision-about

        await applications.SaveAsync(application, cancellationToken);
        _received.Add(1, new KeyValuePair<string, object?>("ward", application.Ward), new KeyValuePair<string, object?>("applicant.relationship", application.ApplicantRelationship)); // clean precision-names

        logger.LogInformation("CHC application {ApplicationId} submitted by {ApplicantEmail} ({Relationship})", application.ApplicationId, application.ApplicantEmail, application.ApplicantRelationship); // leak TC1001 direct

        var personalisation = new Dictionary<string, object>
        {
            ["patient_name"] = application.PatientName,
            ["application_id"] = application.ApplicationId,
        };
        var receipt = await notify.SendEmailAsync(application.ApplicantEmail, "chc-acknowledgement", personalisation, application.ApplicationId, cancellationToken);
        logger.LogDebug("Acknowledgement {NotificationId} sent for {ApplicationId}", receipt.Id, receipt.Reference); // clean cross-member

        return application.ApplicationId;
    }

    public void RecordDecision(ChcApplication application, ChcDecision decision)
    {
        var span = Activity.Current.EnrichCaseworkCase("chc-application")
            .SetCaseworkStage("decision")
            .SetCaseworkTeam(decision.Assessor.Team); // clean precision-names

        span.AddCaseworkDecisionRecordedEvent(decision.Outcome, pseudonymizer.PseudonymizeCaseworkSubjectId(application.NhsNumber), $"assessed by {decision.Assessor.DisplayName}"); // leak TC1001 generated-api
        meter.CreateCaseworkDecisionsCounter().Add(1, "chc-application", decision.Outcome); // clean generated-api

        logger.LogInformation("Decision {Outcome} on {ApplicationId}: {Severe} severe, {High} high domains", decision.Outcome, decision.ApplicationId, decision.DomainsAtSevere, decision.DomainsAtHigh);
        logger.LogDebug("Checklist for {PatientName} born {DateOfBirth} closed", application.PatientName, application.DateOfBirth); // leak TC1001 direct
    }

    public async Task RequestReviewAsync(ChcReviewRequest review, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(review.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException($"No CHC application {review.ApplicationId}.");

        using var span = source.StartCaseworkCase("chc-review", spanName: "chc.review.request");
        span.SetCaseworkCaseId(review.ApplicationId)
            .SetCaseworkStage("independent-review");

        Activity.Current?.SetTag("chc.review.grounds_length", review.Grounds.Length); // clean precision-about
        Activity.Current?.SetTag("chc.review.by_patient", review.RequestedByPatient); // clean precision-names
        logger.LogWarning("Independent review requested for {ApplicationId}: {Grounds}", review.ApplicationId, review.Grounds); // leak TC1001 direct

        var reviewers = await FindPanelAsync(application.Ward, cancellationToken);
        logger.LogInformation("Review panel for {ApplicationId} has {Count} members", review.ApplicationId, reviewers.Count);
    }

    private static Task<IReadOnlyList<ChcAssessor>> FindPanelAsync(string ward, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChcAssessor>>(Array.Empty<ChcAssessor>());

    private static string AgeBand(DateOnly dateOfBirth, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var age = today.Year - dateOfBirth.Year - (today < dateOfBirth.AddYears(today.Year - dateOfBirth.Year) ? 1 : 0);
        return age switch
        {
            < 18 => "under-18",
            < 65 => "18-64",
            < 85 => "65-84",
            _ => "85+",
        };
    }
}
