namespace PrivacyHoldout87.Transport;

/// <summary>
/// Monthly statements of a corporate travel account: journeys booked per seat and per account,
/// billed to the company; heavy use is flagged to the company's travel manager.
/// </summary>
public sealed class TravelAccountStatements(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TravelAccountStatements> logger)
{
    private static readonly ActivitySource Source = new("Travel.Tenancy.Statements");
    private static readonly Meter Meter = new("Travel.Tenancy.Statements");
    private static readonly Histogram<long> JourneysPerSeat = Meter.CreateHistogram<long>("travel.statement.journeys_per_seat", "{journey}");

    private (string MemberId, long Units)? _lastHeavy;

    public void Build(Tenant account, IReadOnlyList<UsageSample> month, IReadOnlyDictionary<string, TenantMember> membersById)
    {
        using var activity = Source.StartActivity("statement.build");
        activity?.SetTag("statement.account", account.TenantId); // clean precision-about
        activity?.SetTag("statement.account_name", account.Name); // clean precision-about
        var perSeat = month.GroupBy(s => s.MemberId).Select(g => (MemberId: g.Key, Units: g.Sum(s => s.Units))).ToList();
        foreach (var (memberId, units) in perSeat)
        {
            JourneysPerSeat.Record(units, new KeyValuePair<string, object?>("account", account.TenantId)); // clean precision-about
            if (units > 40)
            {
                var member = membersById[memberId];
                logger.LogWarning("High usage: {Traveller} booked {Units} journeys", member.DisplayName, units); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("statement.high_usage", tags: new ActivityTagsCollection { ["traveller"] = pseudonymizer.ComputeTravelseatsTravellerId(memberId), ["units"] = units })); // clean precision-pseudonym
                JourneysPerSeat.Record(units, new KeyValuePair<string, object?>("heavy_traveller", pseudonymizer.ComputeTravelseatsTravellerId(memberId))); // leak TC1003 precision-pseudonym
                _lastHeavy = (memberId, units);
            }
        }

        var total = perSeat.Sum(p => p.Units);
        Meter.CreateTravelseatsUsageUnitsHistogram().Record(total, account.TenantId, travelseatsSeatSku: "corporate-rail"); // clean precision-about
        var top = perSeat.MaxBy(p => p.Units);
        activity?.SetTag("statement.top_traveller", top.MemberId); // leak TC1001 direct
        activity?.SetTag("statement.top_units", top.Units); // clean precision-about
        logger.LogInformation("Statement lines {Lines}", perSeat); // leak TC1001 logging-objects
        logger.LogInformation("Statement for {Account}: {Seats} seats, {Total} journeys, lane {Lane}", account.Name, perSeat.Count, total, KeyedShards.Of(secrets.ShardKey, account.TenantId, 16)); // clean precision-about
        activity?.SetTag("statement.dedupe_key", HashCode.Combine(account.TenantId, top.MemberId)); // leak TC1002 hashes
        activity?.SetTag("statement.seat_lane", KeyedShards.Of(secrets.ShardKey, top.MemberId, 16)); // clean hashes
    }

    public void NotifyTravelManager(TenantSettings settings)
    {
        if (_lastHeavy is { } heavy)
        {
            logger.LogInformation("Heavy use flagged: {MemberId} ({Units})", heavy.MemberId, heavy.Units); // leak TC1001 cross-member
            logger.LogInformation("Heavy use flag sent to travel manager {Manager}", settings.Get("travel.manager_email")); // leak TC1001 cross-member
            logger.LogInformation("Heavy use flag sent for {Account} via template {EmailTemplateId}", settings.TenantId, settings.Get("travel.heavy_use_email_template_id")); // clean precision-names
        }
    }
}
