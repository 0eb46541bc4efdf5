namespace PrivacyHoldout82.Retail;

public sealed record PointsAward(string MemberNumber, string CardNumber, string Store, string TransactionId, int Points);

/// <summary>
/// Sends points awards to the AS/400 loyalty programme (LOYLIB/PNTAWD) over MQ and reads its replies.
/// Messages are EBCDIC with the member number at offset 4 (10 bytes) and the points balance as a
/// packed decimal at offset 30 (5 bytes). The AS/400 answers errors as message ids with their
/// first-level text, which substitutes the record's fields: "LOY0107 Card 6330041234567890 for member
/// 0012345678 is blocked".
/// </summary>
public sealed class LoyaltyPointsBridge(IMqQueueManager mq, ActivitySource source, Pseudonymizer pseudonymizer, ShardKey shardKey, ILogger<LoyaltyPointsBridge> logger)
{
    private const string AwardQueue = "LOY.PNTAWD.IN";
    private const string ReplyQueue = "LOY.PNTAWD.RPLY";

    private static readonly Meter LoyaltyMeter = new("Retailer.Loyalty.Bridge", "2.3.0");
    private static readonly Counter<long> Awards = LoyaltyMeter.CreateCounter<long>("loyalty.awards");

    private readonly Dictionary<string, PointsAward> _inFlight = [];

    public async Task AwardAsync(PointsAward award, CancellationToken cancellationToken)
    {
        using var span = source.StartStockbridgeTranslate("PNTAWD");
        span.SetStockbridgeMemberId(pseudonymizer.PseudonymizeStockbridgeMemberId(award.MemberNumber)).SetStockbridgeQueueName(AwardQueue); // clean precision-pseudonym
        var correlationId = Guid.NewGuid().ToString("N")[..24];
        _inFlight[correlationId] = award;
        await mq.PutAsync(AwardQueue, new MqMessage(Guid.NewGuid().ToString("N"), correlationId, AwardQueue, ReplyQueue, "MQSTR", $"AWD {award.MemberNumber}{award.Points:0000000}"), cancellationToken);
        Activity.Current?.SetTag("messaging.message.conversation_id", correlationId); // clean precision-about
        Activity.Current?.SetTag("loyalty.transaction", award.TransactionId); // clean precision-about
        Activity.Current?.SetBaggage("loyalty.card", award.CardNumber); // leak TC1001 direct
        Awards.Add(1, new KeyValuePair<string, object?>("store", award.Store), new KeyValuePair<string, object?>("partition", shardKey.ShardOf(award.MemberNumber, 32))); // clean hashes
        logger.LogInformation("Awarding {Points} points for transaction {Transaction} at {Store}", award.Points, award.TransactionId, award.Store); // clean precision-about
        logger.LogDebug("Award {Award} put on {Queue}", award, AwardQueue); // leak TC1001 logging-objects
    }

    public void OnReply(byte[] ebcdicReply, string correlationId)
    {
        var text = Ebcdic.Decode(ebcdicReply);
        var messageId = text[..7];
        using var span = source.StartStockbridgeTranslate("PNTAWD-R");
        span.SetStockbridgeLegacyStatus(messageId); // clean precision-about
        if (!_inFlight.Remove(correlationId, out var award))
        {
            logger.LogWarning("Reply for unknown correlation {CorrelationId}: {Text}", correlationId, text); // leak TC1001 direct
            return;
        }

        if (messageId.StartsWith("LOY0", StringComparison.Ordinal))
        {
            var failure = new LegacySystemException("as400-loy", messageId, text[8..]);
            logger.LogError(failure, "Points award failed for transaction {Transaction}", award.TransactionId); // leak TC1001 exceptions
            span.SetStockbridgeOutcome("failed").SetStockbridgeNote($"{messageId} for transaction {award.TransactionId}"); // clean generated-api
            Activity.Current?.SetTag("loyalty.card_last4", award.CardNumber[^4..]); // clean precision-about
            logger.LogStockbridgeTranslationRejectedEvent("PNTAWD", messageId, stockbridgeNote: "card " + award.CardNumber); // leak TC1001 generated-api
            Awards.Add(0, new KeyValuePair<string, object?>("member", award.MemberNumber)); // leak TC1003 direct
            return;
        }

        var balance = PackedDecimal.Unpack(ebcdicReply.AsSpan(30, 5), 0);
        Activity.Current?.SetTag("loyalty.balance_band", balance switch { < 500 => "low", < 5000 => "mid", _ => "high" }); // clean precision-about
        var memberKey = BitConverter.ToString(MD5.HashData(Encoding.ASCII.GetBytes(award.MemberNumber)));
        Activity.Current?.SetTag("loyalty.member_key", memberKey); // leak TC1002 hashes
    }
}
