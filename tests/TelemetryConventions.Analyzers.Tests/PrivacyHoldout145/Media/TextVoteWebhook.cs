namespace PrivacyHoldout145.Media;

/// <summary>An inbound text as the premium rate aggregator posts it.</summary>
public sealed record InboundText(string MessageId, string From, string To, string Body, string NetworkCode, DateTimeOffset ReceivedAt);

/// <summary>
/// Takes the aggregator's webhook for a talent show's text votes on the broadcaster's shortcode, parses the keyword
/// and option, drops duplicates within the window and counts the vote. Shortcodes, keywords and options are the
/// broadcaster's; the number a vote came from is the voter's.
/// </summary>
public sealed partial class TextVoteWebhook(
    Func<string, DateTimeOffset?> windowClosesAt,
    Func<string, bool> isBarredFromPremiumRate,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    OperatorOptions options,
    ILogger<TextVoteWebhook> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcaster.Votes.Webhook");

    private readonly Counter<long> _votes = meter.CreateCounter<long>("votes.received", "{vote}");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("votes.rejected", "{vote}");

    private readonly HashSet<string> _seen = new();
    private readonly List<string> _barredSenders = new();

    public ActionResult Receive(InboundText text)
    {
        var parts = text.Body.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var keyword = parts.ElementAtOrDefault(0)?.ToUpperInvariant() ?? "";
        var option = parts.ElementAtOrDefault(1)?.ToUpperInvariant() ?? "";
        var vote = new TextVote(text.From, text.To, keyword, option, text.ReceivedAt);

        using var span = Source.StartPhoneinOperation("saturday-live", "votes.receive");
        span.SetPhoneinCallerId(pseudonymizer.PseudonymizePhoneinCallerId(text.From)); // clean precision-pseudonym
        Activity.Current?.SetTag("votes.shortcode", text.To); // clean precision-names
        Activity.Current?.SetTag("votes.message_id", text.MessageId); // clean precision-names
        Activity.Current?.SetTag("votes.sender", text.From); // leak TC1001 direct
        logger.LogDebug("Inbound text {Text}", text); // leak TC1001 logging-objects

        if (windowClosesAt(keyword) is { } closes && text.ReceivedAt > closes)
        {
            var closed = new VoteWindowClosedException(keyword, closes);
            logger.LogInformation(closed, "Late vote for {Keyword}", keyword); // clean exceptions
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", "late"), new KeyValuePair<string, object?>("keyword", keyword)); // clean precision-about
            return Ok("late");
        }

        if (isBarredFromPremiumRate(text.From))
        {
            _barredSenders.Add(text.From);
            var barred = new PremiumRateBarredException(text.From);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, barred.Message); // leak TC1001 exceptions
            logger.LogPhoneinOperationFailedEvent("saturday-live", "premium-barred", pseudonymizer.PseudonymizePhoneinCallerId(text.From), barred.GetType().Name); // clean exceptions
            return Ok("barred");
        }

        var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.From + keyword)));
        if (!_seen.Add(dedupeKey))
        {
            logger.LogInformation("Duplicate vote {DedupeKey} dropped", dedupeKey); // leak TC1002 hashes
            return Ok("duplicate");
        }

        var sampleKey = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(text.From))[0] % 100;
        Activity.Current?.SetTag("votes.sample", sampleKey < 5); // clean hashes
        _votes.Add(1, new KeyValuePair<string, object?>("keyword", keyword), new KeyValuePair<string, object?>("option", option)); // clean precision-about
        _votes.Add(1, new KeyValuePair<string, object?>("network", text.NetworkCode), new KeyValuePair<string, object?>("sender.prefix", text.From[..3])); // clean precision-about
        _votes.Add(0, new KeyValuePair<string, object?>("voter", pseudonymizer.PseudonymizePhoneinCallerId(text.From).Value)); // leak TC1003 precision-pseudonym
        meter.CreatePhoneinVotesCounter().Add(1, "saturday-live", option); // clean generated-api
        LogVoteCounted(logger, keyword, option, text.From); // clean logging-objects
        logger.LogDebug("Vote {Vote} counted", vote); // leak TC1001 logging-objects
        return Ok(option);
    }

    public void ReportBarred()
    {
        logger.LogWarning("Senders barred from premium rate tonight: {Senders}", _barredSenders); // leak TC1001 cross-member
        logger.LogWarning("Senders barred from premium rate tonight: {Count}", _barredSenders.Count); // clean cross-member
    }

    public void ReportTally(IReadOnlyList<VoteTally> tallies) =>
        logger.LogInformation("Tally: {Tally}", string.Join(", ", tallies.Select(t => $"{t.Keyword} {t.OptionCode}={t.Votes}"))); // clean strings

    private static ActionResult Ok(string value) => new OkResult(value);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "Vote for {Keyword} {Option} counted from {Sender}")]
    private static partial void LogVoteCounted(ILogger logger, string keyword, string option, [PrivateData] string sender);
}
