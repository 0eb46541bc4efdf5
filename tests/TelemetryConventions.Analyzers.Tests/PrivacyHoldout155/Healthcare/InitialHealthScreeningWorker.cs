namespace PrivacyHoldout155.Healthcare;

/// <summary>
/// Reads initial health screenings done in contingency hotels from the screening queue, books the follow-ups and
/// keeps a per-hotel tally for the commissioning team's dashboard.
/// </summary>
public sealed partial class InitialHealthScreeningWorker(
    IQueueReceiver<HealthScreening> receiver,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InitialHealthScreeningWorker> logger) : BackgroundService
{
    private readonly Counter<long> _screenings = meter.CreateCounter<long>("ihs.screenings", "{screening}");
    private string? _lastReference;
    private string? _lastHotel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var screening = await receiver.ReceiveAsync(stoppingToken);
            if (screening is null)
            {
                continue;
            }
            _lastReference = screening.HoReference;
            _lastHotel = screening.HotelCode;
            Handle(screening);
        }
    }

    private void Handle(HealthScreening screening)
    {
        using var activity = source.StartActivity("screening.received");
        activity?.SetTag("screening.id", screening.ScreeningId); // clean precision-about
        activity?.SetTag("screening.hotel", screening.HotelCode); // clean precision-about
        activity?.SetTag("screening.clinic", screening.ClinicCode); // clean precision-about
        activity?.SetTag("screening.person", pseudonymizer.Pseudonymize("asylum_resident", screening.HoReference)); // clean precision-pseudonym
        activity?.SetTag("screening.shard", Shard(screening.HoReference)); // clean hashes
        activity?.SetTag("screening.person_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(screening.HoReference)))[..12]); // leak TC1002 hashes
        logger.LogDebug("Screening dequeued: {Screening}", screening); // leak TC1001 logging-objects
        ScreeningReceived(logger, screening.ScreeningId, screening.HoReference); // clean logging-objects
        ScreeningBooked(logger, screening.HotelCode, screening.HoReference); // leak TC1001 logging-objects
        _screenings.Add(1, new KeyValuePair<string, object?>("screening.hotel", screening.HotelCode)); // clean precision-about
        _screenings.Add(1, new KeyValuePair<string, object?>("screening.resident", pseudonymizer.Compute("asylum_resident", screening.HoReference))); // leak TC1003 precision-pseudonym
    }

    public void ReportStall()
    {
        logger.LogWarning("Screening worker stalled after hotel {Hotel}", _lastHotel); // clean cross-member
        logger.LogWarning("Screening worker stalled after case {HoReference}", _lastReference); // leak TC1001 cross-member
    }

    private string Shard(string reference) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(reference))[0] % 16).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Screening {ScreeningId} received for {HoReference}")]
    private static partial void ScreeningReceived(ILogger logger, string screeningId, [PrivateData] string hoReference);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Follow-up booked at {Hotel} for {HoReference}")]
    private static partial void ScreeningBooked(ILogger logger, string hotel, string hoReference);
}
