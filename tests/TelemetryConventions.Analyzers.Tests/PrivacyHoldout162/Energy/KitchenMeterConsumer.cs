namespace PrivacyHoldout162.Energy;

public sealed record HomeBakerMeter(string MeterSerial, string BakerAccount, string Mpan, double Kwh);

public sealed class KitchenMeterConsumer(IConsumer<string, KitchenReading> consumer, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<KitchenMeterConsumer> logger)
{
    private static readonly ActivitySource Source = new("RiderPower.Kitchens");
    private static readonly Meter KitchenMeter = new("RiderPower.Kitchens");
    private static readonly Histogram<double> Kwh = KitchenMeter.CreateHistogram<double>("kitchen.energy", "kWh");

    public void Pump(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        var reading = result.Message.Value;
        using var activity = Source.StartActivity("kitchen.reading");
        activity?.SetTag("kitchen.meter.serial", reading.MeterSerial); // clean precision-names
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("kitchen.restaurant", reading.RestaurantId); // clean precision-names
        Kwh.Record(reading.Kwh, new KeyValuePair<string, object?>("kitchen.restaurant", reading.RestaurantId)); // clean precision-names
        logger.LogInformation("Reading {@Reading}", reading); // clean logging-objects
    }

    public void HomeBaker(HomeBakerMeter meter)
    {
        using var activity = Source.StartActivity("kitchen.home_baker");
        activity?.SetTag("home_baker.meter.serial", meter.MeterSerial); // leak TC1001 direct
        activity?.SetTag("home_baker.mpan.region", meter.Mpan[..2]); // clean precision-about
        activity?.SetTag("home_baker.account", pseudonymizer.Pseudonymize("home_baker.account", meter.BakerAccount)); // clean precision-pseudonym
        activity?.SetTag("home_baker.account.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(meter.BakerAccount)))); // leak TC1002 hashes
        activity?.SetTag("home_baker.kwh", meter.Kwh); // clean precision-about
        Kwh.Record(meter.Kwh, new KeyValuePair<string, object?>("home_baker.mpan", meter.Mpan)); // leak TC1003 direct
        Kwh.Record(meter.Kwh, new KeyValuePair<string, object?>("home_baker.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(meter.Mpan))[0] % 8)); // clean hashes
        logger.LogInformation("Home baker meter {Meter}", meter); // leak TC1001 logging-objects
    }
}
