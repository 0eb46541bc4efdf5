using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Retail;

/// <summary>An entry of a store's accident book, filled in on the store's tablet.</summary>
public sealed record AccidentReport(
    string ReportId,
    string StoreNumber,
    string Location,
    string InjuredPartyType,
    string InjuredName,
    string InjuredPhone,
    string? InjuredColleagueNumber,
    string WhatHappened,
    bool TakenToHospital,
    IReadOnlyList<string> CameraIds,
    DateTimeOffset At,
    string RecordedByColleagueNumber);

/// <summary>A CCTV clip preserved from the store's recorder before it is overwritten.</summary>
public sealed record PreservedClip(string ClipId, string CameraId, DateTimeOffset From, DateTimeOffset To, DateOnly KeepUntil);

public interface ICctvRecorder
{
    Task<PreservedClip> PreserveAsync(string storeNumber, string cameraId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>
/// Takes accident book entries from the stores: preserves the CCTV around the accident for a possible
/// claim and reports to the HSE what RIDDOR makes reportable (a member of the public taken to hospital).
/// </summary>
public static class AccidentBookEndpoints
{
    private static readonly ActivitySource Source = new("Retail.HealthAndSafety");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/stores/{storeNumber}/accidents", RecordAsync);

    private static async Task<ActionResult> RecordAsync(
        string storeNumber,
        AccidentReport report,
        ICctvRecorder cctv,
        IRegulatorPortalClient hse,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Retail.AccidentBook");
        using var triage = Source.StartIncidentTriage("accident");
        triage.SetIncidentId(report.ReportId);
        triage.SetIncidentSite(storeNumber); // clean direct
        triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(report.RecordedByColleagueNumber)); // clean precision-pseudonym

        logger.LogInformation("Accident {ReportId} at {Location} in store {StoreNumber}, injured party type {InjuredPartyType}", report.ReportId, report.Location, storeNumber, report.InjuredPartyType); // clean precision-names
        logger.LogInformation("Injured party {InjuredName}, contact {InjuredPhone}", report.InjuredName, report.InjuredPhone); // leak TC1001 direct
        Activity.Current?.SetTag("accident.injured.phone_prefix", report.InjuredPhone[..3]); // clean precision-about
        if (report.InjuredColleagueNumber is { } colleagueNumber)
        {
            TagInjuredColleague(Activity.Current, colleagueNumber); // leak TC1001 cross-member
        }

        foreach (var cameraId in report.CameraIds)
        {
            var clip = await cctv.PreserveAsync(storeNumber, cameraId, report.At.AddMinutes(-15), report.At.AddMinutes(15), cancellationToken);
            logger.LogInformation("CCTV {ClipId} from camera {CameraId} kept until {KeepUntil}", clip.ClipId, clip.CameraId, clip.KeepUntil); // clean direct
            Activity.Current?.AddEvent(new ActivityEvent("cctv.preserved", tags: new ActivityTagsCollection { ["cctv.clip"] = clip.ClipId, ["cctv.reason"] = $"claim risk: {report.InjuredName}, {report.Location}" })); // leak TC1001 strings
        }

        meter.CreateIncidentReportsCounter().Add(1, "accident", incidentOutcome: report.TakenToHospital ? "hospital" : "first-aid", incidentSite: storeNumber); // clean generated-api

        if (report.TakenToHospital && report.InjuredPartyType == "customer")
        {
            using var notification = Source.StartRegulatorNotification("hse");
            notification.SetIncidentId(report.ReportId);
            notification.SetIncidentNote(report.WhatHappened); // leak TC1001 generated-api
            var receipt = await hse.SubmitAsync(new RegulatorSubmission("hse", "member-of-public-hospital", report.At, 1, report.WhatHappened, "Store Safety", "store.safety@retailer.example"), cancellationToken);
            notification.SetRegulatorReference(receipt.Reference); // clean direct
        }

        return new OkResult(new { report.ReportId });
    }

    private static void TagInjuredColleague(Activity? activity, string colleagueNumber)
    {
        activity?.SetTag("accident.injured.colleague", colleagueNumber); // leak TC1001 direct
    }
}
