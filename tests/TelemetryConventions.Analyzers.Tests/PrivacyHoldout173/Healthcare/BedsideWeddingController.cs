namespace PrivacyHoldout173.Healthcare;

/// <summary>The chaplaincy's requests for bedside and chapel weddings of patients at the end of life.</summary>
[ApiController]
[Route("api/chaplaincy/weddings")]
public sealed class BedsideWeddingController(
    ILogger<BedsideWeddingController> logger,
    Pseudonymizer pseudonymizer,
    IEventMessenger messenger,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Chaplaincy.Weddings");
    private static readonly Meter Meter = new("Trust.Chaplaincy.Weddings");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("chaplaincy.wedding.requests");

    private string? _lastUrgentNhsNumber;

    [HttpPost("")]
    public async Task<ActionResult> Request([FromBody] BedsideWeddingRequest request)
    {
        using var activity = Source.StartActivity("chaplaincy.wedding.request");
        activity?.SetTag("chaplaincy.ward", request.Ward); // clean precision-about
        activity?.SetTag("chaplaincy.registrar.district", request.RegistrarDistrict); // clean precision-about
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("chaplaincy.request.id", request.RequestId); // clean precision-names

        activity?.SetTag("chaplaincy.partner", request.PartnerName); // leak TC1001 direct
        if (activity is not null) { activity.DisplayName = $"wedding {request.PatientName}"; } // leak TC1001 strings
        var hoursAway = (request.RequestedFor - DateTimeOffset.UtcNow).TotalHours;
        logger.LogInformation("Wedding request {RequestId} on {Ward} in {Hours:F0} hours", request.RequestId, request.Ward, hoursAway); // clean precision-about

        if (hoursAway < 24)
        {
            _lastUrgentNhsNumber = request.NhsNumber;
            logger.LogWarning("Urgent wedding for {PatientName} and {PartnerName} on {Ward}", request.PatientName, request.PartnerName, request.Ward); // leak TC1001 direct
            Requests.Add(1, new KeyValuePair<string, object?>("ward", request.Ward), new KeyValuePair<string, object?>("urgency", "same_day")); // clean precision-about
        }

        var patient = pseudonymizer.PseudonymizeWardeventsCoupleId(request.NhsNumber);
        activity?.SetTag("chaplaincy.patient", patient.Value); // clean precision-pseudonym
        Requests.Add(1, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym

        await messenger.SendAsync(request.RegistrarDistrict, "tpl-registrar-urgent");
        logger.LogDebug("Request from {Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Partner name has {Length} characters", request.PartnerName.Length); // clean precision-about
        return Ok(request.RequestId);
    }

    [HttpGet("urgent/last")]
    public ActionResult LastUrgent()
    {
        logger.LogInformation("Last urgent wedding was for {Patient}", _lastUrgentNhsNumber); // leak TC1001 cross-member
        logger.LogInformation("Whether there was an urgent wedding: {Any}", _lastUrgentNhsNumber is not null); // clean precision-about
        return Ok();
    }

    [HttpPost("{requestId}/registrar")]
    public ActionResult RegistrarConfirmed(string requestId, [FromBody] BedsideWeddingRequest request)
    {
        var caption = $"Ceremony for {request.PatientName} & {request.PartnerName} on {request.Ward}";
        Activity.Current?.AddEvent(new ActivityEvent("registrar.confirmed", tags: new ActivityTagsCollection { ["caption"] = caption })); // leak TC1001 strings
        var label = $"{request.Ward}-{request.RequestedFor:HHmm}";
        Activity.Current?.SetTag("chaplaincy.slot", label); // clean strings

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)))[..12];
        Activity.Current?.SetTag("patient.ref", digest); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber))[0] % 8;
        Activity.Current?.SetTag("chaplaincy.shard", shard); // clean hashes
        return Ok(requestId);
    }
}
