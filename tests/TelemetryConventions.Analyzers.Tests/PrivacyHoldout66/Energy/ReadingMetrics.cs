namespace PrivacyHoldout66.Energy;

public sealed record MeterReading(string MeterSerial, string Mpan, string AccountNumber, string Region, string ReadType, string Register, double Kwh, DateTimeOffset ReadAt);

/// <summary>
/// The reading pipeline's instruments. One class per bounded context, registered with
/// <c>services.AddSingleton&lt;ReadingMetrics&gt;()</c>; the meter comes from <see cref="IMeterFactory"/>.
/// </summary>
public sealed class ReadingMetrics
{
    private readonly Counter<long> _readings;
    private readonly Counter<long> _readingsPerMeter;
    private readonly Histogram<double> _ingestLatency;
    private readonly Histogram<double> _consumption;
    private readonly Gauge<double> _lastImport;
    private readonly UpDownCounter<long> _commandsInFlight;
    private readonly MeteringReadingsCounter _accepted;
    private readonly ConcurrentDictionary<string, double> _balanceByAccount = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegionTotals> _regions = new(StringComparer.Ordinal);

    public ReadingMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create("Supplier.Readings");
        _readings = Meter.CreateCounter<long>("readings.received", "{reading}");
        _readingsPerMeter = Meter.CreateCounter<long>("readings.per_meter", "{reading}", "Readings received per meter, for the read-rate KPI.");
        _ingestLatency = Meter.CreateHistogram<double>("readings.ingest.duration", "ms");
        _consumption = Meter.CreateHistogram<double>("readings.consumption", "kWh");
        _lastImport = Meter.CreateGauge<double>("readings.last_import", "kWh");
        _commandsInFlight = Meter.CreateUpDownCounter<long>("dcc.commands.in_flight", "{command}");
        _accepted = Meter.CreateMeteringReadingsCounter();

        Meter.CreateObservableGauge("readings.region.kwh", () => _regions.Select(kv => new Measurement<double>(kv.Value.Kwh, new("region", kv.Key), new("read_type", "all")))); // clean direct
        Meter.CreateObservableUpDownCounter("prepay.balance", ObserveBalances, "GBP");
    }

    public Meter Meter { get; }

    public void Received(MeterReading reading, TimeSpan ingestTook)
    {
        _readings.Add(1, new KeyValuePair<string, object?>("region", reading.Region), new KeyValuePair<string, object?>("read_type", reading.ReadType)); // clean direct
        _readingsPerMeter.Add(1, new KeyValuePair<string, object?>("meter", reading.MeterSerial)); // leak TC1003 direct
        _ingestLatency.Record(ingestTook.TotalMilliseconds, new KeyValuePair<string, object?>("region", reading.Region), new KeyValuePair<string, object?>("model", reading.MeterSerial[..3])); // clean precision-about
        _consumption.Record(reading.Kwh, new KeyValuePair<string, object?>("distributor", reading.Mpan[..2]), new KeyValuePair<string, object?>("register", reading.Register)); // clean precision-about
        _regions.AddOrUpdate(reading.Region, _ => new RegionTotals(reading.Kwh), (_, t) => t with { Kwh = t.Kwh + reading.Kwh });
    }

    public void LastImport(string mpan, double kwh) =>
        _lastImport.Record(kwh, new KeyValuePair<string, object?>("mpan", mpan)); // leak TC1003 direct

    public void Accepted(string region, MeteringReadTypeValue readType) =>
        _accepted.Add(1, region, readType, meteringOutcome: "accepted"); // clean generated-api

    public void Rejected(string region, string firstError) =>
        _accepted.Add(1, region, meteringOutcome: $"rejected:{firstError}");

    public void Balance(string accountNumber, double pounds) => _balanceByAccount[accountNumber] = pounds;

    public CommandScope Command(string commandType, string region) => new(_commandsInFlight, commandType, region);

    private IEnumerable<Measurement<double>> ObserveBalances() =>
        _balanceByAccount.Select(kv => new Measurement<double>(kv.Value, new KeyValuePair<string, object?>("account", kv.Key))); // leak TC1003 cross-member

    private sealed record RegionTotals(double Kwh);

    /// <summary>Counts a DCC command as in flight until disposed.</summary>
    public readonly struct CommandScope : IDisposable
    {
        private readonly UpDownCounter<long> _inFlight;
        private readonly TagList _tags;

        public CommandScope(UpDownCounter<long> inFlight, string commandType, string region)
        {
            _inFlight = inFlight;
            _tags = new TagList { { "command", commandType }, { "region", region } };
            _inFlight.Add(1, _tags); // clean direct
        }

        public void Dispose() => _inFlight.Add(-1, _tags);
    }
}
