namespace PrivacyHoldout154.Transport;

/// <summary>The app's "where am I" and cover check endpoints a stranded member uses before calling.</summary>
public static class LocationLookupEndpoints
{
    private static readonly Meter LookupMeter = new("Recovery.App");
    private static readonly Counter<long> Lookups = LookupMeter.CreateCounter<long>("recovery.app.lookups");
    private static readonly Histogram<int> CoverChecks = LookupMeter.CreateHistogram<int>("recovery.app.cover_checks");

    public static EndpointRoutes MapLocationLookup(this EndpointRoutes routes)
    {
        routes.MapGet("/members/{membershipNumber}/cover", CheckCoverAsync);
        routes.MapPost("/locate", Locate);
        return routes;
    }

    private static async Task<ActionResult> CheckCoverAsync(string membershipNumber, string registration, IMemberDirectory members, ILogger<Member> logger, Pseudonymizer pseudonymizer)
    {
        using var span = new ActivitySource("Recovery.App").StartRecoveryOperation("app");
        span.SetRecoveryMemberId(pseudonymizer.Pseudonymize("member", membershipNumber)); // clean precision-pseudonym
        var member = await members.FindAsync(membershipNumber);
        if (member is null)
        {
            span.SetRecoveryNote($"no member {membershipNumber}"); // leak TC1001 generated-api
            span.SetRecoveryNote("no member for the number given"); // clean generated-api
            return new NotFoundResult(null);
        }

        Activity.Current?.AddEvent(new ActivityEvent("cover.checked", tags: new ActivityTagsCollection { ["cover.level"] = member.CoverLevel, ["vehicle.registration"] = registration })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("cover.checked", tags: new ActivityTagsCollection { ["cover.level"] = member.CoverLevel })); // clean precision-about
        logger.LogInformation("Cover check for member {MemberKey}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(membershipNumber)))); // leak TC1002 hashes
        CoverChecks.Record(1, new KeyValuePair<string, object?>("cover.level", member.CoverLevel)); // clean precision-about
        CoverChecks.Record(1, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeRecoveryMemberId(member.MembershipNumber))); // leak TC1003 precision-pseudonym
        return new OkResult(member.CoverLevel);
    }

    private static ActionResult Locate(string what3Words, double latitude, double longitude, ILogger<BreakdownCall> logger)
    {
        Lookups.Add(1, new KeyValuePair<string, object?>("lookup.kind", "w3w")); // clean precision-about
        try
        {
            if (what3Words.Count(c => c == '.') != 2)
            {
                throw new LocationUnresolvedException(what3Words);
            }

            logger.LogInformation("Located at {Latitude:F1},{Longitude:F1}", Math.Round(latitude, 1), Math.Round(longitude, 1)); // clean precision-about
            logger.LogInformation("Located at {Latitude},{Longitude}", latitude, longitude); // leak TC1001 direct
            return new OkResult(null);
        }
        catch (LocationUnresolvedException ex)
        {
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            return new BadRequestResult("unresolved");
        }
    }
}
