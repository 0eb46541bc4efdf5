namespace PrivacyHoldout214.Transport;

/// <summary>Cancellations from the booking line and the app; the topic is keyed by member number.</summary>
public sealed partial class CancellationConsumer(
    IConsumer<string, Cancellation> consumer,
    ITransportStore store,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<CancellationConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Transport.Cancellations");
    private readonly Counter<long> _cancellations = meter.CreateCounter<long>("dar.cancellations");
    private int _lateCount;
    private string _lastReasonText = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var cancellation = result.Message.Value;
            using var activity = Source.StartActivity("dar.cancellation.process");
            activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("dar.booking.id", cancellation.BookingId); // clean precision-names
            activity?.SetTag("dar.cancel.reason", cancellation.ReasonCode); // clean precision-about
            activity?.SetTag("dar.cancel.late", cancellation.LateNotice); // clean precision-about
            activity?.SetTag("dar.cancel.member", pseudonymizer.PseudonymizeCarelinkClientId(cancellation.RiderNumber)); // clean precision-pseudonym
            _cancellations.Add(1, new KeyValuePair<string, object?>("reason", cancellation.ReasonCode), new KeyValuePair<string, object?>("late", cancellation.LateNotice)); // clean precision-about
            _cancellations.Add(1, new KeyValuePair<string, object?>("member", cancellation.RiderNumber)); // leak TC1003 direct
            if (cancellation.LateNotice)
            {
                _lateCount++;
            }

            _lastReasonText = cancellation.ReasonText ?? string.Empty;
            LogCancelled(logger, cancellation.BookingId, cancellation.ReasonCode, cancellation.RiderNumber); // clean logging-objects
            LogReason(logger, cancellation.BookingId, cancellation.ReasonText); // leak TC1001 logging-objects
            logger.LogInformation("Cancellation {@Cancellation}", cancellation with { ReasonText = null }); // leak TC1001 logging-objects
            logger.LogInformation("Cancellation {@Cancellation}", cancellation with { RiderNumber = "", ReasonText = null }); // clean logging-objects

            try
            {
                var booking = await store.FindBookingAsync(cancellation.BookingId, stoppingToken) ?? throw new BookingNotFoundException(cancellation.BookingId);
                activity?.SetTag("dar.booking.hospital", booking.ClinicCode); // clean precision-names
                activity?.SetTag("dar.booking.pickup", booking.PickupAddress); // leak TC1001 direct
                await store.SaveCancellationAsync(cancellation, stoppingToken);
            }
            catch (BookingNotFoundException ex)
            {
                logger.LogError(ex, "Cancellation for unknown booking"); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, $"unknown booking for member {cancellation.RiderNumber}"); // leak TC1001 exceptions
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                throw;
            }

            var dedupe = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(cancellation.RiderNumber + cancellation.BookingId)));
            activity?.SetTag("dar.cancel.dedupe", dedupe); // leak TC1002 hashes
            using var hmac = new HMACSHA256(options.ShardKey);
            activity?.SetTag("dar.cancel.dedupe_keyed", Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(cancellation.RiderNumber + cancellation.BookingId)))); // clean hashes
            var reasonHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cancellation.ReasonText ?? "")));
            activity?.SetTag("dar.cancel.reason_hash", reasonHash); // leak TC1002 hashes
            consumer.Commit(result);
        }
    }

    public void Report()
    {
        Activity.Current?.SetTag("dar.cancel.late_count", _lateCount); // clean cross-member
        Activity.Current?.SetTag("dar.cancel.last_reason", _lastReasonText); // leak TC1001 cross-member
        Activity.Current?.SetTag("dar.cancel.last_reason_length", _lastReasonText.Length); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} cancelled ({Reason}) by member {MemberNumber}")]
    private static partial void LogCancelled(ILogger logger, Guid bookingId, string reason, [PrivateData] string memberNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Booking {BookingId} cancellation reason: {ReasonText}")]
    private static partial void LogReason(ILogger logger, Guid bookingId, string? reasonText);
}
