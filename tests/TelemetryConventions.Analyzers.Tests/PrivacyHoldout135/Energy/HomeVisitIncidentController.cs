namespace PrivacyHoldout135.Energy;

/// <summary>What a meter installer reports after an incident at a customer's home: a dog bite, verbal abuse, a gas smell.</summary>
public sealed record HomeVisitIncident(
    string JobId,
    string EngineerStaffNumber,
    string AccountNumber,
    string Mpan,
    string MeterSerial,
    string Postcode,
    string Category,
    string WhatHappened,
    bool WarningMarkerRequested);

/// <summary>Field incidents raised from the installer's handheld; a warning marker stops lone visits to the address.</summary>
[ApiController]
[Route("api/field/incidents")]
public sealed class HomeVisitIncidentController(
    IIncidentClient incidents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HomeVisitIncidentController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Energy.FieldSafety.HomeVisits");
    private static readonly Meter Meter = new("Energy.FieldSafety.HomeVisits");
    private static readonly SitesafetyReportsCounter Reports = Meter.CreateSitesafetyReportsCounter();
    private static readonly Counter<long> WarningMarkers = Meter.CreateCounter<long>("field.warning_markers", "{marker}");

    [HttpPost("")]
    public async Task<ActionResult> Report([FromBody] HomeVisitIncident incident, CancellationToken ct)
    {
        var incidentRef = $"FLD-{incident.JobId}";
        var outward = incident.Postcode.Split(' ')[0];
        using var span = Source.StartSitesafetyReport(incidentRef);
        span.SetSitesafetyCategory(incident.Category); // clean precision-names
        span.SetSitesafetyDepot(outward); // clean precision-about
        span.SetSitesafetyReporterId(pseudonymizer.PseudonymizeSitesafetyReporterId(incident.EngineerStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("field.job.id", incident.JobId); // clean precision-names
        span.Activity?.SetTag("field.mpan.distributor", incident.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("field.meter.model", incident.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("field.meter.serial", incident.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("field.postcode", incident.Postcode); // leak TC1001 direct
        span.Activity?.SetBaggage("field.account", incident.AccountNumber); // leak TC1001 direct

        var people = new List<InvolvedPerson>
        {
            new(PersonRole.Colleague, incident.EngineerStaffNumber, "", null, null, incident.Category == "dog-bite"),
            new(PersonRole.Customer, incident.AccountNumber, "", null, null, false),
        };
        var report = new IncidentReport(incidentRef, incident.Category, HarmGrade.Low, outward, DateTimeOffset.UtcNow, incident.EngineerStaffNumber, incident.WhatHappened, people);

        try
        {
            var result = await incidents.SubmitAsync(report, ct);
            Reports.Add(1, outward, incident.Category, result.Status); // clean generated-api
            logger.LogInformation("Field incident {IncidentRef} accepted into {Queue}", result.IncidentRef, result.HandlerQueue); // clean precision-names
        }
        catch (IncidentValidationException ex)
        {
            logger.LogWarning("Field incident refused: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogSitesafetyReportFailedEvent(incidentRef, "rejected", sitesafetyNote: $"{ex.Field} refused for account {incident.AccountNumber}"); // leak TC1001 generated-api
            return BadRequest(ex.Field);
        }

        if (incident.WarningMarkerRequested)
        {
            var markerKey = $"{incident.Mpan}:{incident.Postcode.Replace(" ", "")}";
            logger.LogWarning("Warning marker requested for {MarkerKey}: {WhatHappened}", markerKey, incident.WhatHappened); // leak TC1001 strings
            WarningMarkers.Add(1, new KeyValuePair<string, object?>("category", incident.Category)); // clean precision-about
            var bucket = BitConverter.ToUInt16(MD5.HashData(Encoding.ASCII.GetBytes(incident.Mpan)), 0) % 32;
            span.Activity?.SetTag("field.marker.bucket", bucket); // leak TC1002 hashes
            span.Activity?.SetTag("field.marker.shard", KeyedShard.Of(secrets.ShardKey, incident.Mpan, 32)); // clean hashes
        }

        span.Activity?.SetTag("field.what_happened.length", incident.WhatHappened.Length); // clean precision-about
        return Ok(incidentRef);
    }
}
