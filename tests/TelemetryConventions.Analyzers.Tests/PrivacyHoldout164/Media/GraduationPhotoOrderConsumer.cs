namespace PrivacyHoldout164.Media;

public interface IPhotoLab
{
    Task<int> FramesAsync(string studentNumber, string ceremonyId, CancellationToken cancellationToken = default);

    Task<Uri> PrintAsync(PhotoOrder order, CancellationToken cancellationToken = default);
}

/// <summary>
/// Consumes the official graduation photographer's orders from topic <c>photos.orders</c>, keyed by order id,
/// and sends the frames of the graduand to the lab.
/// </summary>
public sealed partial class GraduationPhotoOrderConsumer(
    IConsumer<string, PhotoOrder> consumer,
    IPhotoLab lab,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GraduationPhotoOrderConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcast.Graduation.Photos");
    private static readonly Meter Meter = new("Broadcast.Graduation.Photos");
    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("photos.orders");
    private readonly GradcastDurationHistogram _duration = Meter.CreateGradcastDurationHistogram();
    private string? _lastFailedBuyer;
    private int _failed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            await HandleAsync(result, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(ConsumeResult<string, PhotoOrder> result, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var order = result.Message.Value;
        using var span = Source.StartGradcastOperation("photo-lab");
        span.SetGradcastStudentId(pseudonymizer.PseudonymizeGradcastStudentId(order.StudentNumber)); // clean generated-api
        span.SetGradcastProgramme(order.Package); // clean generated-api
        Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        Activity.Current?.SetTag("photos.order", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("photos.buyer", order.BuyerEmail); // leak TC1001 direct

        var frames = await lab.FramesAsync(order.StudentNumber, "cer-2026-07-14-am", cancellationToken);
        span.SetGradcastItemCount(frames); // clean generated-api
        try
        {
            var proof = await lab.PrintAsync(order, cancellationToken);
            Activity.Current?.SetTag("photos.proof_host", proof.Host); // clean precision-about
            logger.LogInformation("Printed {Order}", order); // leak TC1001 logging-objects
            LogPrinted(logger, order.OrderId, order.Package, frames); // clean logging-objects
        }
        catch (StudentNotFoundException ex)
        {
            _lastFailedBuyer = order.BuyerEmail;
            _failed++;
            LogLabFailed(logger, ex, order.OrderId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetGradcastNote(ex.Message); // leak TC1001 exceptions
        }

        var pairKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order.BuyerEmail + "|" + order.StudentNumber)))[..16];
        logger.LogDebug("Buyer/graduand pair {PairKey}", pairKey); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var partition = hmac.ComputeHash(Encoding.UTF8.GetBytes(order.StudentNumber))[0] % 4;
        Orders.Add(1, new KeyValuePair<string, object?>("package", order.Package), new KeyValuePair<string, object?>("partition", partition)); // clean hashes
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "photo-lab"); // clean generated-api
    }

    public void ReportFailures()
    {
        logger.LogWarning("{Failed} photo orders failed, last buyer {Buyer}", _failed, _lastFailedBuyer); // leak TC1001 cross-member
        logger.LogWarning("{Failed} photo orders failed", _failed); // clean cross-member
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Printed order {OrderId}: {Package}, {Frames} frames")]
    private static partial void LogPrinted(ILogger logger, Guid orderId, string package, int frames);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Error, Message = "Lab failed order {OrderId}")]
    private static partial void LogLabFailed(ILogger logger, Exception exception, Guid orderId);
}
