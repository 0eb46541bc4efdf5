using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Telemetry;

namespace PrivacyHoldout46.Transport;

/// <summary>A police request for CCTV under the crime and taxation exemption of the data protection law.</summary>
public sealed record PoliceDisclosureRequest(
    string RequestId,
    string PoliceReference,
    string Force,
    string OfficerCollarNumber,
    string OfficerEmail,
    string StationCode,
    IReadOnlyList<string> CameraIds,
    DateTimeOffset From,
    DateTimeOffset To,
    string SubjectDescription);

/// <summary>A clip held for a request.</summary>
public sealed record HeldClip(string ClipId, string CameraId, TimeSpan Length);

public interface IStationVideo
{
    Task<HeldClip> HoldAsync(string stationCode, string cameraId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>
/// Handles police requests for station CCTV: the footage is held under a legal hold until the force
/// collects it, and the disclosure is recorded with the exemption relied on.
/// </summary>
public sealed class CctvDisclosureService(
    ILogger<CctvDisclosureService> logger,
    IStationVideo video,
    IRedactorProvider redactors)
{
    private static readonly ActivitySource Source = new("Rail.Stations.Cctv");

    public async Task<IReadOnlyList<HeldClip>> HandleAsync(PoliceDisclosureRequest request, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PoliceReference"] = request.PoliceReference, ["Officer"] = request.OfficerCollarNumber }); // leak TC1001 direct
        using var span = Source.StartLegalMatter("police-disclosure");
        span.SetLegalMatterId(request.RequestId);
        Activity.Current?.SetTag("dpa.exemption", "schedule-2-part-1-para-2"); // clean direct

        logger.LogInformation("Disclosure request {PoliceReference} from {Force} for station {StationCode}", request.PoliceReference, request.Force, request.StationCode); // clean direct
        logger.LogInformation("Requested by officer {CollarNumber} <{OfficerEmail}>", request.OfficerCollarNumber, request.OfficerEmail); // leak TC1001 direct
        var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
        logger.LogInformation("Requesting officer {Officer}", redactor.Redact(request.OfficerEmail)); // clean precision-about
        logger.LogDebug("Person of interest: {SubjectDescription}", request.SubjectDescription); // leak TC1001 direct

        var clips = new List<HeldClip>();
        foreach (var camera in request.CameraIds)
        {
            clips.Add(await video.HoldAsync(request.StationCode, camera, request.From, request.To, cancellationToken));
        }

        span.SetLegalExportItems(clips.Count); // clean precision-about
        span.AddLegalHoldChangedEvent("applied", legalNote: $"{clips.Count} clips held for {request.PoliceReference}"); // clean generated-api
        span.AddLegalHoldChangedEvent("collection-arranged", legalNote: $"collection by {request.OfficerEmail}"); // leak TC1001 generated-api
        logger.LogInformation("Clips held: {Clips}", clips); // clean logging-objects
        logger.LogInformation("Total footage {Minutes} min on cameras {Cameras}", clips.Sum(c => c.Length.TotalMinutes), string.Join(",", clips.Select(c => c.CameraId))); // clean precision-about
        return clips;
    }
}
