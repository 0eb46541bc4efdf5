namespace PrivacyHoldout106.Media;

/// <summary>A competition entry texted to the programme's short code: "QUIZ A" or a photo for the fan wall.</summary>
public sealed record CompetitionEntry(string Programme, string Mobile, string Answer, DateTimeOffset ReceivedAt);

public interface IEntryStore
{
    Task<bool> AddAsync(CompetitionEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>The entry was refused because the number already entered this round; the message quotes the number.</summary>
public sealed class DuplicateEntryException(string mobile, string programme) : Exception($"{mobile} already entered {programme}")
{
    public string Programme { get; } = programme;
}

/// <summary>
/// Text-in competitions and the fan wall of the studio's live programmes: viewers text the keyword of a
/// programme and their answer to the short code, or send an MMS photo for the wall.
/// </summary>
public sealed class CompetitionTextInService(
    ActivitySource source,
    Meter meter,
    ILogger<CompetitionTextInService> logger,
    IEntryStore entries,
    ISmsClient sms,
    GatewayOptions options)
{
    private static readonly IReadOnlyDictionary<string, string> Programmes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["QUIZ"] = "friday-quiz",
        ["WALL"] = "fan-wall",
        ["VOTE"] = "talent-final",
    };

    private readonly MediamsgMessagesCounter _messages = meter.CreateMediamsgMessagesCounter();
    private readonly Counter<long> _entries = meter.CreateCounter<long>("mediamsg.competition.entries");

    public async Task<string> HandleAsync(InboundSms inbound, CancellationToken cancellationToken)
    {
        using var span = source.StartMediamsgInbound(inbound.NumMedia > 0 ? "mms" : "sms").SetMediamsgDirection("inbound");
        var words = inbound.Body.Trim().Split(' ', 2);
        if (!Programmes.TryGetValue(words[0], out var programme))
        {
            span.SetMediamsgOutcome("unknown-keyword"); // clean precision-about
            logger.LogInformation("Text-in with unknown keyword {Keyword} from {From}", words[0], inbound.From); // leak TC1001 direct
            return new MessagingResponse().ToString();
        }

        span.SetMediamsgKeyword(words[0].ToUpperInvariant()).SetMediamsgProgramme(programme); // clean precision-about
        var answer = words.Length > 1 ? words[1] : "";
        var entry = new CompetitionEntry(programme, inbound.From, answer, DateTimeOffset.UtcNow);
        try
        {
            if (!await entries.AddAsync(entry, cancellationToken))
            {
                throw new DuplicateEntryException(inbound.From, programme);
            }
        }
        catch (DuplicateEntryException ex)
        {
            logger.LogInformation(ex, "Duplicate entry to {Programme}", ex.Programme); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetMediamsgOutcome("duplicate"); // clean precision-about
            return new MessagingResponse().Message("You've already entered this round.").ToString();
        }

        logger.LogDebug("Entry {@Entry}", entry); // leak TC1001 logging-objects
        _entries.Add(1, new KeyValuePair<string, object?>("programme", programme), new KeyValuePair<string, object?>("answer", answer.ToUpperInvariant() is "A" or "B" or "C" ? answer.ToUpperInvariant() : "other")); // clean precision-about

        if (programme == "talent-final")
        {
            Activity.Current?.SetTag("vote.answer", answer); // clean precision-names
        }

        if (programme == "fan-wall")
        {
            span.SetMediamsgAttachmentCount(inbound.NumMedia); // clean precision-about
            foreach (var media in inbound.Media)
            {
                var bytes = await sms.DownloadMediaAsync(media, cancellationToken);
                if (bytes.Length > options.MaxMediaBytes)
                {
                    var ex = new MediaRejectedException(media.Sid, media.ContentType, bytes.Length);
                    logger.LogWarning(ex, "Fan wall photo refused"); // clean exceptions
                    continue;
                }

                Activity.Current?.AddEvent(new ActivityEvent("fanwall.photo", tags: new ActivityTagsCollection { ["media.url"] = media.Url, ["media.type"] = media.ContentType })); // clean precision-names
                Activity.Current?.AddEvent(new ActivityEvent("fanwall.caption", tags: new ActivityTagsCollection { ["caption"] = answer })); // leak TC1001 strings
            }
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ShortCode), Encoding.UTF8.GetBytes(inbound.From)))[..4];
        Activity.Current?.SetTag("entry.shard", shard); // leak TC1002 hashes
        var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inbound.From)))[..12];
        logger.LogDebug("Entrant key {EntrantKey}", sha); // leak TC1002 hashes
        _messages.Add(1, "sms", "inbound", "entered"); // clean precision-about
        return new MessagingResponse().Message("Thanks, you're entered. Standard network rates apply.").ToString();
    }
}
