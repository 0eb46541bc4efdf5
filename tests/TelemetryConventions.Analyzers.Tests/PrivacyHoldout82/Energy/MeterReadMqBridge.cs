namespace PrivacyHoldout82.Energy;

/// <summary>
/// Asks the billing mainframe for a meter's last reads over MQ. Requests go to BILL.METRD.REQ with a reply
/// queue; the CICS transaction METR answers on BILL.METRD.RPLY. The old transaction matches requests by the
/// account number padded to 24 characters in the correlation id (that is how it was written in 1998); the
/// new one, METX, copies the request's message id, a random 24-byte id.
/// </summary>
public sealed class MeterReadMqBridge(IMqQueueManager mq, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<MeterReadMqBridge> logger)
{
    private const string RequestQueue = "BILL.METRD.REQ";
    private const string ReplyQueue = "BILL.METRD.RPLY";

    private readonly Counter<long> _timeouts = meter.CreateCounter<long>("billing.mq.timeouts");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new();
    private string? _lastUnmatchedBody;

    public async Task<string?> RequestReadsAsync(string accountNumber, bool useMetx, CancellationToken cancellationToken)
    {
        using var span = source.StartBillbridgeTranslate(useMetx ? "METX" : "METR");
        span.SetBillbridgeQueueName(RequestQueue).SetBillbridgeAccountId(pseudonymizer.PseudonymizeBillbridgeAccountId(accountNumber)); // clean precision-pseudonym

        var messageId = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var correlationId = useMetx ? messageId : accountNumber.PadLeft(24, '0');
        var request = new MqMessage(messageId, correlationId, RequestQueue, ReplyQueue, "MQSTR", $"METR{accountNumber,-10}L12");
        _pending[correlationId] = DateTimeOffset.UtcNow;
        await mq.PutAsync(RequestQueue, request, cancellationToken);
        logger.LogTrace("METR request text {Body}", request.Body); // leak TC1001 strings
        Activity.Current?.SetTag("messaging.message.id", request.MessageId); // clean precision-about
        logger.LogDebug("Put {MessageId} on {Queue}, reply to {ReplyQueue}", messageId, RequestQueue, request.ReplyToQueue); // clean precision-about

        MqMessage? reply;
        try
        {
            reply = await mq.GetAsync(ReplyQueue, TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (MqException ex) when (ex.ReasonCode == 2033)
        {
            _timeouts.Add(1, new KeyValuePair<string, object?>("queue", ex.QueueName), new KeyValuePair<string, object?>("mqrc", ex.ReasonCode)); // clean precision-about
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }

        if (reply is null)
        {
            return null;
        }
        if (useMetx)
        {
            Activity.Current?.SetTag("messaging.message.conversation_id", reply.CorrelationId); // clean precision-about
        }
        else
        {
            Activity.Current?.SetTag("billing.metr.correlation", reply.CorrelationId); // leak TC1001 cross-member
        }

        if (!_pending.TryRemove(reply.CorrelationId, out var sentAt))
        {
            _lastUnmatchedBody = reply.Body;
            logger.LogWarning("Unmatched reply {Reply}", reply); // leak TC1001 logging-objects
            return null;
        }

        var returnCode = reply.Body[..2];
        span.SetBillbridgeLegacyStatus(returnCode); // clean precision-about
        logger.LogInformation("{Transaction} answered {ReturnCode} in {Elapsed} ms", useMetx ? "METX" : "METR", returnCode, (DateTimeOffset.UtcNow - sentAt).TotalMilliseconds); // clean precision-about
        if (returnCode != "00")
        {
            var ex = new PoisonMessageException(ReplyQueue, reply.MessageId, reply.Body);
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            throw ex;
        }
        return reply.Body[2..];
    }

    public void DumpUnmatched() =>
        logger.LogWarning("Last unmatched METR reply body: {Body}", _lastUnmatchedBody); // leak TC1001 cross-member
}
