namespace PrivacyHoldout129.Transport;

/// <summary>Chip reads from the timing mats of the city half marathon, run with the transport authority's road closures.</summary>
public sealed partial class HalfMarathonTimingIngest(
    IQueueReceiver<ChipRead> reads,
    IRaceEntryService entries,
    IResultsPublisher publisher,
    ILogger<HalfMarathonTimingIngest> logger) : BackgroundService
{
    private const string RaceId = "city-half-2025";
    private static readonly ActivitySource Source = new("CityHalf.Timing");
    private static readonly Meter Meter = new("CityHalf.Timing");
    private static readonly Counter<long> Reads = Meter.CreateCounter<long>("cityhalf.chip_reads");
    private static readonly Histogram<double> FinishTimes = Meter.CreateHistogram<double>("cityhalf.finish_time", "min");

    private readonly List<RaceResult> _finishers = new();
    private string? _lastUnknownBib;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown bib {Bib} at {TimingPoint}")]
    private static partial void LogUnknownBib(ILogger logger, [PrivateData] string bib, string timingPoint);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = await reads.ReceiveAsync(stoppingToken);
            if (read is null)
            {
                continue;
            }

            using var span = Source.StartActivecommuteSync(activecommuteSource: "chip-timing");
            span.SetActivecommuteChallenge(RaceId); // clean precision-names
            span.Activity?.SetTag("timing.point", read.TimingPointId); // clean precision-names
            span.Activity?.SetTag("timing.reader", read.ReaderId); // clean precision-names
            Reads.Add(1, new KeyValuePair<string, object?>("timing_point", read.TimingPointId)); // clean precision-names

            try
            {
                var entry = await entries.FindByBibAsync(RaceId, read.BibNumber, stoppingToken) ?? throw new UnknownBibException(read.BibNumber, read.TimingPointId);
                span.Activity?.SetTag("timing.bib", read.BibNumber); // leak TC1001 cross-member
                if (read.TimingPointId == "finish")
                {
                    var chip = read.At - new DateTimeOffset(2025, 9, 14, 9, 0, 0, TimeSpan.FromHours(1));
                    var result = new RaceResult(entry.BibNumber, $"{entry.FirstName} {entry.LastName}", chip, chip, _finishers.Count + 1, entry.Wave, 0);
                    _finishers.Add(result);
                    FinishTimes.Record(chip.TotalMinutes, new KeyValuePair<string, object?>("wave", entry.Wave)); // clean precision-about
                    logger.LogInformation("Finisher {Result}", result); // leak TC1001 logging-objects
                    logger.LogInformation("Finisher {Position} in {Minutes:F1} min", result.OverallPosition, chip.TotalMinutes); // clean precision-about
                }
            }
            catch (UnknownBibException ex)
            {
                _lastUnknownBib = read.BibNumber;
                LogUnknownBib(logger, read.BibNumber, ex.TimingPointId); // clean logging-objects
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, "unknown bib"); // clean exceptions
            }
        }
    }

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        using var span = Source.StartActivecommuteSync(activecommuteSource: "results");
        await publisher.PublishAsync(RaceId, _finishers, cancellationToken);
        span.SetActivecommuteSampleCount(_finishers.Count); // clean precision-about
        logger.LogInformation("Published {Count} results, winner {Winner}", _finishers.Count, _finishers.FirstOrDefault()?.FullName); // leak TC1001 cross-member
        logger.LogInformation("Results by wave {Waves}", _finishers.GroupBy(f => f.Category).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        span.Activity?.SetTag("results.last_unknown_bib", _lastUnknownBib); // leak TC1001 cross-member
        span.Activity?.SetTag("results.winner_time", _finishers.FirstOrDefault()?.ChipTime.ToString()); // clean precision-about
        Meter.CreateActivecommuteActivitiesCounter().Add(_finishers.Count, activecommuteSport: "run", activecommuteOutcome: "published"); // clean generated-api
    }
}
