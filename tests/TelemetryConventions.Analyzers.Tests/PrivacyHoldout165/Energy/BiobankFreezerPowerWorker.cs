namespace PrivacyHoldout165.Energy;

/// <summary>Watches the power drawn by the DNA biobank's freezers and sheds load before a trip.</summary>
public sealed class BiobankFreezerPowerWorker(
    IQueueReceiver<FreezerPowerSample> samples,
    TelemetrySecrets secrets,
    ILogger<BiobankFreezerPowerWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Biobank");
    private readonly Histogram<double> _power = meter.CreateHistogram<double>("biobank.freezer.power", "kW");
    private string _hottestFreezer = string.Empty;
    private string _onCallEngineerPhone = string.Empty;

    public void SetOnCall(string phone) => _onCallEngineerPhone = phone;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sample = await samples.ReceiveAsync(stoppingToken);
            if (sample is null)
            {
                continue;
            }

            using var span = Source.StartEstateOperation(sample.Site);
            span.SetEstateStep("freezer-power"); // clean generated-api
            span.Activity?.SetTag("freezer.id", sample.FreezerId); // clean precision-names
            span.Activity?.SetTag("freezer.temperature", sample.TemperatureCelsius); // clean precision-about
            _power.Record(sample.Kilowatts, new KeyValuePair<string, object?>("freezer", sample.FreezerId), new KeyValuePair<string, object?>("site", sample.Site)); // clean precision-names
            logger.LogDebug("Sample {@Sample}", sample); // clean logging-objects
            _hottestFreezer = sample.TemperatureCelsius > -70 ? sample.FreezerId : _hottestFreezer;
            var lane = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(sample.FreezerId))[0] % 4;
            span.Activity?.SetTag("freezer.lane", lane); // clean hashes
            try
            {
                if (sample.TemperatureCelsius > -60)
                {
                    throw new FreezerTripException(sample.FreezerId, sample.Site);
                }
            }
            catch (FreezerTripException ex)
            {
                span.SetEstateNote(ex.Message); // clean exceptions
                span.Activity?.SetTag("oncall.phone", _onCallEngineerPhone); // leak TC1001 cross-member
                logger.LogError(ex, "Freezer trip, paging {Phone}", _onCallEngineerPhone); // leak TC1001 cross-member
            }
        }
    }

    public void Report() => logger.LogInformation("Hottest freezer {Freezer}", _hottestFreezer); // clean cross-member
}
