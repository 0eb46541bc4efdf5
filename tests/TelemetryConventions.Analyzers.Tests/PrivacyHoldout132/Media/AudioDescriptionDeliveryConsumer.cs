namespace PrivacyHoldout132.Media;

/// <summary>A caption or audio description file delivered by the access services vendor for a title.</summary>
public sealed record AccessFileDelivered(string TitleId, string Kind, string Language, string VendorCode, string DescriberName, string FileName, long Bytes, int CueCount);

public sealed class CaptionQcException(string titleId, int cue, string problem)
    : Exception($"{titleId} cue {cue}: {problem}");

/// <summary>Consumes the vendor's deliveries (topic keyed by title id), checks caption timing and publishes the tracks.</summary>
public sealed class AudioDescriptionDeliveryConsumer(
    IConsumer<string, AccessFileDelivered> consumer,
    ILogger<AudioDescriptionDeliveryConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.AccessServices.Ingest");
    private static readonly Meter Meter = new("Streaming.AccessServices.Ingest");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("access.files.delivered");
    private static readonly Histogram<long> Cues = Meter.CreateHistogram<long>("access.files.cues");
    private string? _lastDescriber;
    private string? _lastTitle;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var file = result.Message.Value;
            using var activity = Source.StartActivity("access-file.ingest");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("access.title", file.TitleId); // clean precision-names
            activity?.SetTag("access.file_name", file.FileName); // clean precision-names
            activity?.SetTag("access.vendor", file.VendorCode); // clean precision-names
            activity?.SetTag("access.describer", file.DescriberName); // leak TC1001 direct
            Delivered.Add(1, new KeyValuePair<string, object?>("kind", file.Kind), new("language", file.Language)); // clean precision-about
            Cues.Record(file.CueCount, new KeyValuePair<string, object?>("kind", file.Kind)); // clean precision-about
            try
            {
                if (file.CueCount == 0)
                {
                    throw new CaptionQcException(file.TitleId, 0, "empty track");
                }
                logger.LogInformation("Access file ingested {@File}", file); // leak TC1001 logging-objects
            }
            catch (CaptionQcException ex)
            {
                logger.LogError(ex, "Caption QC failed for {Title}", file.TitleId); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
            _lastDescriber = file.DescriberName;
            _lastTitle = file.TitleId;
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    /// <summary>What the access services desk sees on its status page.</summary>
    public void ReportLastDelivery()
    {
        Activity.Current?.SetTag("access.last_title", _lastTitle); // clean cross-member
        logger.LogInformation("Last delivery described by {Describer}", _lastDescriber); // leak TC1001 cross-member
    }
}
