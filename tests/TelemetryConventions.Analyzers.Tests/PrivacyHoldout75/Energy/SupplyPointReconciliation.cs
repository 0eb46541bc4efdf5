namespace PrivacyHoldout75.Energy;

public sealed record SupplyPoint(
    string Mpan,
    string AccountNumber,
    string MeterSerial,
    string TariffCode,
    string FeederId,
    string Region,
    string? HolderEmail,
    DateOnly? LastReadDate);

public interface ISupplyPointSource
{
    string Name { get; }

    /// <summary>The region's supply points keyed by MPAN.</summary>
    Task<IReadOnlyDictionary<string, SupplyPoint>> ByMpanAsync(string region, CancellationToken cancellationToken);
}

/// <summary>
/// Reconciles the supply points billing knows with those the meter data management system (MDM)
/// holds, region by region: points billed but not metered, metered but not billed, and points on
/// which the two disagree (meter exchanges not billed, tariff drift).
/// </summary>
public sealed class SupplyPointReconciliation
{
    private readonly ISupplyPointSource _billing;
    private readonly ISupplyPointSource _mdm;
    private readonly ActivitySource _source;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;
    private readonly ILogger<SupplyPointReconciliation> _logger;
    private readonly Counter<long> _missing;
    private readonly Dictionary<string, int> _missingByFeeder = new(StringComparer.Ordinal);
    private string? _lastUnbilledExchange;

    public SupplyPointReconciliation(ISupplyPointSource billing, ISupplyPointSource mdm, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<SupplyPointReconciliation> logger)
    {
        (_billing, _mdm, _source, _pseudonymizer, _secrets, _logger) = (billing, mdm, source, pseudonymizer, secrets, logger);
        _missing = meter.CreateCounter<long>("meterrecon.missing", "{supply_point}");
        meter.CreateObservableGauge("meterrecon.missing.by_feeder", () => _missingByFeeder.Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("feeder", p.Key)))); // clean precision-about
    }

    public async Task<ReconciliationReport> RunAsync(string runId, string region, CancellationToken cancellationToken)
    {
        using var span = _source.StartMeterreconRun(runId);
        span.SetMeterreconStore($"{_billing.Name}-vs-{_mdm.Name}"); // clean precision-names
        var billed = await _billing.ByMpanAsync(region, cancellationToken);
        var metered = await _mdm.ByMpanAsync(region, cancellationToken);
        var report = Reconciler.Compare($"supply-points:{region}", billed, metered, (a, b) => a.MeterSerial == b.MeterSerial && a.TariffCode == b.TariffCode);
        span.SetMeterreconRecords(report.SourceCount).SetMeterreconMismatches(report.Mismatched.Count);
        _logger.LogInformation("{Region}: {Report}", region, report); // clean logging-objects

        foreach (var mpan in report.MissingInTarget)
        {
            var point = billed[mpan];
            _missingByFeeder[point.FeederId] = _missingByFeeder.GetValueOrDefault(point.FeederId) + 1;
            _missing.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("feeder", point.FeederId)); // clean precision-about
            _logger.LogMeterreconMismatchEvent("missing-in-mdm", "missing", _pseudonymizer.PseudonymizeMeterreconAccountId(point.AccountNumber), meterreconNote: $"feeder {point.FeederId}, tariff {point.TariffCode}"); // clean generated-api
        }
        _logger.LogWarning("Billed but unknown to MDM: {Mpans}", string.Join(";", report.MissingInTarget)); // leak TC1001 strings
        _logger.LogWarning("Metered but not billed: {Count} supply points in {Region}", report.MissingInSource.Count, region);

        foreach (var mpan in report.Mismatched)
        {
            var (billedPoint, meteredPoint) = (billed[mpan], metered[mpan]);
            using var pointActivity = _source.StartActivity($"reconcile-point {mpan}"); // leak TC1001 strings
            span.SetMeterreconChangedFields(string.Join(",", RecordDiff.ChangedFields(billedPoint, meteredPoint))); // clean precision-names
            if (billedPoint.MeterSerial != meteredPoint.MeterSerial)
            {
                _logger.LogWarning("Meter exchange not billed: {OldSerial} -> {NewSerial}", billedPoint.MeterSerial, meteredPoint.MeterSerial); // leak TC1001 direct
                _lastUnbilledExchange = meteredPoint.MeterSerial;
            }
            if (billedPoint.TariffCode != meteredPoint.TariffCode)
            {
                _logger.LogWarning("Tariff drift in {Region}: billing {BillingTariff}, MDM {MdmTariff}", region, billedPoint.TariffCode, meteredPoint.TariffCode); // clean precision-about
            }
        }

        CheckQuality(span, metered.Values.ToList());
        return report;
    }

    private void CheckQuality(MeterreconRunSpan span, List<SupplyPoint> points)
    {
        var violations = DataQuality.Check(points,
            new QualityRule<SupplyPoint>("serial-format", "meter_serial", p => p.MeterSerial, v => v is { Length: 10 }),
            new QualityRule<SupplyPoint>("tariff-known", "tariff_code", p => p.TariffCode, v => v is not null && v.StartsWith('E')));
        foreach (var rule in violations.GroupBy(v => v.Rule))
        {
            _logger.LogWarning("Rule {Rule}: {Count} violations, first at row {Row}", rule.Key, rule.Count(), rule.First().Row); // clean precision-about
        }
        _logger.LogWarning("Unknown tariffs: {Violations}", violations.Where(v => v.Rule == "tariff-known").ToList()); // clean logging-objects
        _logger.LogWarning("Malformed serials: {Serials}", violations.Where(v => v.Rule == "serial-format").Select(v => v.Value).ToList()); // leak TC1001 logging-objects
        span.SetMeterreconRule(violations.Count > 0 ? violations[0].Rule : "none").SetMeterreconNote($"{violations.Count} rule violations"); // clean generated-api

        foreach (var point in points.Where(p => p.LastReadDate is null))
        {
            var prefix = point.MeterSerial[..3];
            var sample = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(point.MeterSerial)))[..6];
            Activity.Current?.AddEvent(new ActivityEvent("point.never_read", tags: new ActivityTagsCollection { ["meter.model"] = prefix, ["mpan.prefix"] = point.Mpan[..2] })); // clean precision-about
            Activity.Current?.SetTag("meterrecon.sample", sample); // leak TC1002 hashes
            var lane = HMACSHA256.HashData(_secrets.ShardKey, Encoding.UTF8.GetBytes(point.Mpan))[0] % 4;
            Activity.Current?.SetTag("meterrecon.lane", lane); // clean hashes
        }
    }

    public void Finish(string runId)
    {
        _logger.LogInformation("Run {RunId}: last unbilled exchange {Serial}", runId, _lastUnbilledExchange); // leak TC1001 cross-member
        _logger.LogInformation("Run {RunId}: feeders with gaps {Feeders}", runId, _missingByFeeder.Keys.ToList()); // clean logging-objects
    }
}
