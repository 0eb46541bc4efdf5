namespace PrivacyHoldout139.Transport;

public sealed record RoutePassenger(string CouncilRef, string FirstName, string PickupAddress, string SchoolUrn, IReadOnlyList<string> NeedCodes, string? CareNote, string ParentMobile);

public sealed record NotTravellingNotice(string CouncilRef, string Route, DateOnly Date, string Reason, string FromMobile);

/// <summary>
/// SEN home-to-school routes: the morning manifest for the driver and the passenger assistant, and parents' texts
/// that a pupil is not travelling today (off sick, appointment), which the school also needs for its register.
/// </summary>
public sealed class SenRouteManifestService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<SenRouteManifestService> logger)
{
    private static readonly ActivitySource Source = new("Council.SenRoutes");
    private static readonly Meter Meter = new("Council.SenRoutes");
    private static readonly Counter<long> NotTravelling = Meter.CreateCounter<long>("sen_routes.not_travelling");

    private readonly Dictionary<string, string> _assistantByRoute = new();

    public void BuildManifest(string route, string vehicle, string assistantStaffNumber, IReadOnlyList<RoutePassenger> passengers)
    {
        _assistantByRoute[route] = assistantStaffNumber;
        using var span = Source.StartHometoschoolOperation(route)
            .SetHometoschoolAssistantId(pseudonymizer.PseudonymizeHometoschoolAssistantId(assistantStaffNumber)) // clean generated-api
            .SetHometoschoolPupilCount(passengers.Count); // clean precision-about
        span.Activity?.SetTag("route.vehicle", vehicle); // clean precision-names
        span.Activity?.SetTag("route.needs", passengers.SelectMany(p => p.NeedCodes).Distinct().Order().ToArray()); // clean precision-about
        span.Activity?.SetTag("route.schools", passengers.Select(p => p.SchoolUrn).Distinct().Count()); // clean precision-about
        span.Activity?.SetTag("route.pickups", string.Join(" > ", passengers.Select(p => p.PickupAddress))); // leak TC1001 strings
        foreach (var p in passengers.Where(p => p.CareNote is not null))
        {
            span.Activity?.AddEvent(new ActivityEvent("route.care_note", tags: new ActivityTagsCollection { ["length"] = p.CareNote!.Length, ["needs"] = p.NeedCodes.Count })); // clean precision-about
            logger.LogDebug("Care note for {FirstName}: {Note}", p.FirstName, p.CareNote); // leak TC1001 direct
        }
        logger.LogInformation("Manifest {Route}: {Passengers}", route, passengers); // leak TC1001 logging-objects
    }

    public void NotTravellingToday(NotTravellingNotice notice)
    {
        using var span = Source.StartHometoschoolOperation(notice.Route)
            .SetHometoschoolPupilId(pseudonymizer.PseudonymizeHometoschoolPupilId(notice.CouncilRef)); // clean generated-api
        span.Activity?.SetTag("notice.reason", notice.Reason.Length > 40 ? "long" : notice.Reason); // leak TC1001 direct
        span.Activity?.SetTag("notice.reason.length", notice.Reason.Length); // clean precision-about
        span.Activity?.SetTag(HometoschoolAttributes.Contact, notice.FromMobile); // leak TC1001 generated-api
        span.Activity?.SetTag("notice.from.prefix", notice.FromMobile[..3]); // clean precision-about
        NotTravelling.Add(1, new KeyValuePair<string, object?>("route", notice.Route)); // clean precision-names
        var bucket = BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(notice.CouncilRef))) % 20;
        NotTravelling.Add(0, new KeyValuePair<string, object?>("bucket", bucket)); // leak TC1002 hashes
        var keyedBucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(notice.CouncilRef))) % 20;
        NotTravelling.Add(0, new KeyValuePair<string, object?>("keyed_bucket", keyedBucket)); // clean hashes
        if (_assistantByRoute.TryGetValue(notice.Route, out var assistant))
        {
            logger.LogInformation("Told assistant {Assistant} on {Route}", assistant, notice.Route); // leak TC1001 cross-member
        }
        logger.LogInformation("Not travelling {Date} on {Route}", notice.Date, notice.Route); // clean precision-names
    }
}
