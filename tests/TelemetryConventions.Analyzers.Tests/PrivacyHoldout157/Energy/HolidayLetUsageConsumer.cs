namespace PrivacyHoldout157.Energy;

/// <summary>A half-hourly reading from a holiday let's smart meter. Prints meter serial, MPAN, kWh and the time.</summary>
public sealed record HolidayLetReading(string MeterSerial, string Mpan, double Kwh, DateTimeOffset At);

/// <summary>The supplier's view of a holiday let on its short-stay tariff. Prints account number, host's email, listing id and tariff.</summary>
public sealed record HolidayLetAccount(string AccountNumber, string HostEmail, string ListingId, string Tariff);

public interface IHolidayLetAccounts
{
    Task<HolidayLetAccount?> ByMeterAsync(string meterSerial, CancellationToken cancellationToken = default);
}

/// <summary>Reads holiday lets' meter readings (topic <c>lets.readings</c>, keyed by meter serial) and flags usage spikes between stays.</summary>
public sealed class HolidayLetUsageConsumer(IConsumer<string, HolidayLetReading> consumer, IHolidayLetAccounts accounts, ILogger<HolidayLetUsageConsumer> logger, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.HolidayLets");
    private readonly Counter<long> _spikes = meter.CreateCounter<long>("holidaylets.spikes");
    private readonly Histogram<double> _kwh = meter.CreateHistogram<double>("holidaylets.kwh");
    private readonly Dictionary<string, double> _spikeKwhByMpan = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                Summarise();
                continue;
            }

            var reading = result.Message.Value;
            using var activity = Source.StartActivity("holidaylet.reading");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean direct
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("meter.model", reading.MeterSerial[..3]); // clean precision-about
            activity?.SetTag("meter.mpan.region", reading.Mpan[..2]); // clean precision-about
            _kwh.Record(reading.Kwh, new KeyValuePair<string, object?>("mpan.region", reading.Mpan[..2])); // clean precision-about

            var account = await accounts.ByMeterAsync(reading.MeterSerial, stoppingToken);
            if (account is null)
            {
                logger.LogWarning("Reading for unknown meter {MeterSerial}", reading.MeterSerial); // leak TC1001 direct
                continue;
            }

            activity?.SetTag("holidaylet.tariff", account.Tariff); // clean direct
            activity?.SetTag("holidaylet.listing_id", account.ListingId); // clean precision-names
            activity?.SetTag("holidaylet.host.domain", account.HostEmail[(account.HostEmail.IndexOf('@') + 1)..]); // clean precision-about
            if (reading.Kwh > 4)
            {
                _spikeKwhByMpan[reading.Mpan] = reading.Kwh;
                _spikes.Add(1, new KeyValuePair<string, object?>("tariff", account.Tariff)); // clean direct
                _spikes.Add(1, new KeyValuePair<string, object?>("account", account.AccountNumber)); // leak TC1003 direct
                logger.LogInformation("Spike between stays on {Account}", account); // leak TC1001 logging-objects
                activity?.SetTag("holidaylet.spike.key", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(reading.Mpan)))); // leak TC1002 hashes
            }
        }
    }

    private void Summarise()
    {
        if (_spikeKwhByMpan.Count == 0)
        {
            return;
        }
        logger.LogInformation("Spiking lets: {Lets}", _spikeKwhByMpan); // leak TC1001 cross-member
        logger.LogInformation("{Count} lets spiked, peak {Peak} kWh", _spikeKwhByMpan.Count, _spikeKwhByMpan.Values.Max()); // clean cross-member
        _spikeKwhByMpan.Clear();
    }
}
