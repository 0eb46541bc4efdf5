namespace PrivacyHoldout38.Gaming;

public abstract record Verdict;

public sealed record Allowed : Verdict;

public sealed record Blocked(string Term) : Verdict;

public sealed record Escalated(string Line, string ReportedBy) : Verdict;

public sealed record ChatLine(PlayerSession Sender, string Channel, string Text);

public sealed class ChatModeration(ActivitySource source, ILogger<ChatModeration> logger, Meter meter)
{
    private static readonly string[] BlockList = ["cheat-sell", "boost-for-cash", "free-vbucks"];

    private readonly Counter<long> _lines = meter.CreateCounter<long>("chat.lines", "{line}");

    public Verdict Review(ChatLine line)
    {
        using var activity = source.StartActivity("chat.review");
        Verdict verdict = BlockList.FirstOrDefault(t => line.Text.Contains(t, StringComparison.OrdinalIgnoreCase)) switch
        {
            { } term => new Blocked(term),
            null when line.Text.Contains("report", StringComparison.OrdinalIgnoreCase) => new Escalated(line.Text, line.Sender.Gamertag),
            null => new Allowed(),
        };

        var kind = verdict switch
        {
            Allowed => "allowed",
            Blocked => "blocked",
            Escalated => "escalated",
            _ => "unknown",
        };
        activity?.SetTag("chat.verdict", kind); // clean direct
        _lines.Add(1, new KeyValuePair<string, object?>("chat.verdict", kind), new KeyValuePair<string, object?>("chat.channel", line.Channel)); // clean direct

        var detail = verdict switch
        {
            Blocked { Term: var term } => $"blocked term {term}",
            Escalated { ReportedBy: var reporter } => $"escalated by {reporter}",
            _ => kind,
        };
        activity?.SetTag("chat.verdict_detail", detail); // leak TC1001 strings

        activity?.SetTag("chat.length", line.Text.Length); // clean precision-about
        activity?.SetTag("chat.sender_ref", line.Sender.Reference); // clean precision-pseudonym
        logger.LogInformation("Reviewed a line on {Channel} from {Region}/{Platform}", line.Channel, line.Sender.Region, line.Sender.Platform); // clean precision-about

        if (verdict is Escalated escalated)
        {
            logger.LogWarning("Escalated chat: {Verdict}", escalated); // leak TC1001 logging-objects
        }

        return verdict;
    }
}
