using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Telemetry;

namespace PrivacyHoldout43.Media;

/// <summary>A production's request to the council's film office to film in the street.</summary>
public sealed record FilmingPermitRequest(
    string PermitId,
    string ProductionCompany,
    string ProductionTitle,
    string LocationManagerName,
    string LocationManagerMobile,
    string LocationManagerEmail,
    IReadOnlyList<string> Streets,
    DateOnly ShootDate,
    int CrewSize,
    bool NeedsRoadClosure);

/// <summary>A resident's answer to the film office's letter about a shoot in their street.</summary>
public sealed record ResidentConsultationResponse(string PermitId, string ResidentName, string ResidentAddress, string Response, string? Comment);

public sealed class FilmOfficeService(ILogger<FilmOfficeService> logger, Meter meter)
{
    private readonly Counter<long> _responses = meter.CreateCounter<long>("filming.consultation.responses", "{response}");

    public void Receive(FilmingPermitRequest request)
    {
        var activity = Activity.Current;
        activity?.SetTag("filming.permit_id", request.PermitId); // clean direct
        activity?.SetTag("filming.production", request.ProductionCompany); // clean direct
        activity?.SetTag("filming.streets", string.Join(';', request.Streets)); // clean logging-objects
        activity?.SetTag("filming.road_closure", request.NeedsRoadClosure); // clean precision-about
        activity?.SetTag("filming.location_manager", request.LocationManagerName); // leak TC1001 direct
        activity?.SetTag(CaseworkAttributes.SubjectContact, request.LocationManagerEmail); // leak TC1001 generated-api

        logger.LogInformation("Permit {@Permit}", new { request.PermitId, request.ProductionTitle, request.ShootDate, request.CrewSize }); // clean logging-objects
        logger.LogInformation("Permit {PermitId} on-the-day contact {Mobile}", request.PermitId, request.LocationManagerMobile); // leak TC1001 direct
    }

    public void Consulted(ResidentConsultationResponse response)
    {
        _responses.Add(1, new KeyValuePair<string, object?>("response", response.Response)); // clean precision-about
        logger.LogInformation("Consultation response for {PermitId}: {Response}", response.PermitId, response.Response); // clean precision-about

        if (response.Comment is { Length: > 0 } comment)
        {
            logger.LogInformation("Resident comment on {PermitId}: {Comment}", response.PermitId, comment); // leak TC1001 direct
        }

        if (response.Response == "object")
        {
            Activity.Current?.AddEvent(new ActivityEvent("filming.objection", tags: new ActivityTagsCollection { ["permit_id"] = response.PermitId, ["resident.address"] = response.ResidentAddress })); // leak TC1001 direct
        }
    }
}
