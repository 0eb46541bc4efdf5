namespace PrivacyHoldout156.Energy;

/// <summary>
/// Reads the sunbeds' session readings (the salon's meter per bed, with the member card that started it) off the
/// `tanning.readings` topic, keyed by bed id, for energy reporting and tube-life alerts.
/// </summary>
public sealed class SunbedReadingConsumer(
    IConsumer<string, SunbedReading> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SunbedReadingConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Tanning.Readings");

    private readonly Histogram<double> _energy = meter.CreateHistogram<double>("sunbed.session.energy", "kWh");
    private readonly Dictionary<string, int> _minutesByMember = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var reading = result.Message.Value;
            using var activity = Source.StartActivity("sunbed.reading");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean direct
            activity?.SetTag("sunbed.salon", reading.Salon); // clean direct
            _energy.Record(reading.KilowattHours, new KeyValuePair<string, object?>("bed", reading.BedId)); // clean direct
            _energy.Record(reading.KilowattHours, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeTanbedMemberId(reading.MemberCardNumber))); // leak TC1003 precision-pseudonym
            activity?.SetTag("sunbed.member_card", reading.MemberCardNumber); // leak TC1001 direct
            activity?.SetTag("sunbed.member_card.issuer", reading.MemberCardNumber[..4]); // clean precision-about
            logger.LogDebug("Reading {Reading}", reading); // leak TC1001 logging-objects
            _minutesByMember[reading.MemberCardNumber] = _minutesByMember.GetValueOrDefault(reading.MemberCardNumber) + reading.Minutes;

            using var span = Source.StartTanbedOperation(reading.Salon).SetTanbedMemberId(pseudonymizer.PseudonymizeTanbedMemberId(reading.MemberCardNumber)); // clean generated-api
            meter.CreateTanbedSessionDurationHistogram().Record(reading.Minutes * 60, reading.Salon); // clean generated-api
            if (_minutesByMember[reading.MemberCardNumber] > 240)
            {
                span.SetTanbedNote($"Member {reading.MemberCardNumber} over the monthly limit"); // leak TC1001 generated-api
                activity?.SetTag("sunbed.limit_sample", SampleOf(reading.MemberCardNumber)); // clean hashes
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void ReportMonth()
    {
        using var activity = Source.StartActivity("sunbed.month");
        activity?.SetTag("sunbed.members", _minutesByMember.Count); // clean cross-member
        activity?.SetTag("sunbed.minutes", _minutesByMember.Values.Sum()); // clean cross-member
        var heaviest = _minutesByMember.OrderByDescending(p => p.Value).First();
        activity?.SetTag("sunbed.heaviest_member", heaviest.Key); // leak TC1001 cross-member
        activity?.SetTag("sunbed.heaviest_minutes", heaviest.Value); // clean cross-member
    }

    public void AlertTubes(Sunbed bed)
    {
        if (bed.TubeHours > 800)
        {
            var ex = new TubeLifeExceededException(bed.BedId, bed.TubeHours);
            logger.LogError(ex, "Bed {@Bed} needs tubes", bed); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    private bool SampleOf(string cardNumber) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cardNumber))[0] < 26;
}
