namespace PrivacyHoldout87.Energy;

/// <summary>
/// Usage metering on the broker's business portal: each business customer is a tenant billed per
/// seat for quote requests, half-hourly data pulls and report runs. Seats are held by the
/// customer's named contacts (their member ids are the portal's user ids).
/// </summary>
public sealed class BusinessUsageMetering(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<BusinessUsageMetering> logger)
{
    private static readonly ActivitySource Source = new("Broker.Tenancy.Usage");

    private readonly Counter<long> _units = meter.CreateCounter<long>("broker.usage.units_total", "{unit}");
    private readonly ConcurrentDictionary<string, long> _perMember = new();

    public void Report(UsageSample sample)
    {
        using var activity = Source.StartActivity("usage.report");
        activity?.SetTag("usage.tenant", sample.TenantId); // clean precision-about
        activity?.SetTag("usage.seat", sample.SeatId); // clean precision-about
        activity?.SetTag("usage.meter", sample.MeterName); // clean precision-about
        activity?.SetTag("usage.member", sample.MemberId); // leak TC1001 direct
        meter.CreateBrokerseatsUsageUnitsHistogram().Record(sample.Units, sample.TenantId, brokerseatsSeatSku: sample.MeterName); // clean precision-about
        _units.Add(sample.Units, new KeyValuePair<string, object?>("tenant", sample.TenantId), new KeyValuePair<string, object?>("meter", sample.MeterName)); // clean precision-about
        _units.Add(sample.Units, new KeyValuePair<string, object?>("tenant", sample.TenantId), new KeyValuePair<string, object?>("member", sample.MemberId)); // leak TC1003 direct
        _units.Add(sample.Units, new KeyValuePair<string, object?>("lane", KeyedShards.Of(secrets.ShardKey, sample.MemberId, 8))); // clean hashes
        _perMember.AddOrUpdate(sample.MemberId, sample.Units, (_, u) => u + sample.Units);
        logger.LogDebug("Usage {@Sample}", sample); // leak TC1001 logging-objects
        logger.LogDebug("Usage for {Tenant}: {Units} {Meter} on {Day}", sample.TenantId, sample.Units, sample.MeterName, sample.Day); // clean precision-about
    }

    public void Flush(string tenantId)
    {
        using var activity = Source.StartActivity("usage.flush");
        var total = _perMember.Values.Sum();
        logger.LogInformation("Tenant {Tenant} used {Total} units across {Seats} seats", tenantId, total, _perMember.Count); // clean precision-about
        var top = _perMember.OrderByDescending(p => p.Value).First();
        logger.LogInformation("Heaviest user {Member} with {Units}", top.Key, top.Value); // leak TC1001 cross-member
        logger.LogInformation("Heaviest user {Member} with {Units}", pseudonymizer.ComputeBrokerseatsContactId(top.Key), top.Value); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("usage.flushed", tags: new ActivityTagsCollection { ["usage.per_member"] = string.Join(";", _perMember.Select(p => $"{p.Key}={p.Value}")) })); // leak TC1001 strings
        var sampled = (MD5.HashData(Encoding.UTF8.GetBytes(top.Key))[0] & 1) == 0;
        activity?.SetTag("usage.sampled", sampled); // leak TC1002 hashes
        activity?.SetTag("usage.sample_lane", KeyedShards.Of(secrets.ShardKey, top.Key, 2)); // clean hashes
        meter.CreateBrokerseatsSeatsAssignedCounter().Add(1, tenantId, "top-user:" + pseudonymizer.ComputeBrokerseatsContactId(top.Key)); // leak TC1003 precision-pseudonym
        _perMember.Clear();
    }

    public void OverQuota(Tenant tenant, int requested)
    {
        var ex = new SeatLimitExceededException(tenant.TenantId, tenant.Plan, tenant.SeatLimit);
        logger.LogWarning(ex, "Quota reached for {TenantName} ({Requested} requested)", tenant.Name, requested); // clean exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
    }
}
