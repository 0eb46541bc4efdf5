namespace PrivacyHoldout165.Transport;

/// <summary>The tour's shuttle to record offices: travellers ask the driver to stop at a record office or a graveyard
/// to look up an ancestor; the request goes to the dispatcher.</summary>
public sealed class ParishRecordsShuttleService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ParishRecordsShuttleService> logger)
{
    private static readonly ActivitySource Source = new("Tours.Shuttle");
    private static readonly Meter Meter = new("Tours.Shuttle");
    private static readonly Counter<long> Stops = Meter.CreateCounter<long>("shuttle.stops");
    private static readonly UpDownCounter<long> OnBoard = Meter.CreateUpDownCounter<long>("shuttle.onboard");

    public sealed record StopRequest(string TravellerProfileId, string TravellerMobile, string AncestorName, string Graveyard, string RecordOffice, string Vehicle);

    public void Request(StopRequest request)
    {
        using var activity = Source.StartActivity("shuttle.stop_request");
        activity?.SetTag("stop.graveyard", request.Graveyard); // clean precision-about
        activity?.SetTag("stop.office", request.RecordOffice); // clean precision-about
        activity?.SetTag("shuttle.vehicle", request.Vehicle); // clean precision-names
        activity?.SetTag("stop.ancestor", request.AncestorName); // leak TC1001 direct
        activity?.SetTag(HeritourAttributes.Contact, request.TravellerMobile); // leak TC1001 generated-api
        activity?.SetTag(HeritourAttributes.TravellerId, pseudonymizer.ComputeHeritourTravellerId(request.TravellerProfileId)); // clean precision-pseudonym
        activity?.SetTag(HeritourAttributes.TravellerId, request.TravellerProfileId); // leak TC1001 generated-api
        Stops.Add(1, new KeyValuePair<string, object?>("office", request.RecordOffice)); // clean precision-about
        OnBoard.Add(-1, new KeyValuePair<string, object?>("traveller", pseudonymizer.ComputeHeritourTravellerId(request.TravellerProfileId))); // leak TC1003 precision-pseudonym
        var dispatchText = "Stop at " + request.Graveyard + " for " + request.TravellerMobile;
        logger.LogInformation(dispatchText); // leak TC1001 strings
        logger.LogInformation("Stop at {Graveyard} then {Office}", request.Graveyard, request.RecordOffice); // clean strings
        var riderKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.TravellerMobile)))[..12];
        Stops.Add(1, new KeyValuePair<string, object?>("rider", riderKey)); // leak TC1003 hashes
        var riderLane = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.TravellerProfileId))[0] % 3;
        Stops.Add(1, new KeyValuePair<string, object?>("lane", riderLane)); // clean hashes
        var mobileMask = "*******" + request.TravellerMobile[^2..];
        activity?.SetTag("traveller.mobile_masked", mobileMask); // clean precision-about
        logger.LogDebug("Request {Request}", request); // leak TC1001 logging-objects
    }
}
