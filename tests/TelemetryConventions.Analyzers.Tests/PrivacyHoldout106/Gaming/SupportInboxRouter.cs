namespace PrivacyHoldout106.Gaming;

/// <summary>A player account as the support tooling sees it.</summary>
public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Email, string Region);

public interface IPlayerDirectory
{
    Task<PlayerAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}

/// <summary>
/// Routes mail to <c>support@</c> and replies to ticket mail (<c>ticket+{ticketId}@</c>) into the helpdesk:
/// the subject's tag picks the queue ([BILLING], [BAN APPEAL], [BUG]); players name their gamertag in it.
/// </summary>
public sealed class SupportInboxRouter(
    ActivitySource source,
    Meter meter,
    ILogger<SupportInboxRouter> logger,
    IPlayerDirectory players,
    IMailDropbox helpdesk,
    Pseudonymizer pseudonymizer)
{
    private readonly GamemsgMessagesCounter _messages = meter.CreateGamemsgMessagesCounter();
    private readonly Counter<long> _queues = meter.CreateCounter<long>("gamemsg.support.routed");

    public async Task RouteAsync(InboundEmail mail, CancellationToken cancellationToken)
    {
        using var span = source.StartGamemsgInbound("email").SetGamemsgDirection("inbound");
        var (mailbox, ticketId) = SubAddress.Split(mail.Envelope.To[0]);
        var queue = mail.Subject switch
        {
            var s when s.Contains("[BILLING]", StringComparison.OrdinalIgnoreCase) => "billing",
            var s when s.Contains("[BAN APPEAL]", StringComparison.OrdinalIgnoreCase) => "appeals",
            var s when s.Contains("[BUG]", StringComparison.OrdinalIgnoreCase) => "bugs",
            _ => "general",
        };

        span.SetGamemsgRoute(queue).SetGamemsgNote($"mailbox {mailbox}, ticket {ticketId ?? "new"}"); // clean precision-names
        Activity.Current?.SetTag("mail.envelope_from", mail.Envelope.From); // leak TC1001 direct
        Activity.Current?.SetTag("mail.in_reply_to", mail.InReplyTo); // clean precision-names
        Activity.Current?.SetTag("mail.message_id", mail.MessageId); // clean precision-about
        Activity.Current?.SetTag("mail.dkim", mail.Dkim); // clean precision-about
        Activity.Current?.SetTag("mail.subject", mail.Subject); // leak TC1001 strings

        var player = await players.FindByEmailAsync(mail.From.Address, cancellationToken);
        if (player is null)
        {
            logger.LogInformation("Support mail from {Sender} matches no account; queue {Queue}", mail.From, queue); // leak TC1001 logging-objects
            _messages.Add(1, "email", "inbound", "no-account"); // clean precision-about
        }
        else
        {
            span.SetGamemsgPlayerId(pseudonymizer.PseudonymizeGamemsgPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("player.region", player.Region); // clean precision-about
            logger.LogInformation("Support mail from {Gamertag} routed to {Queue}", player.Gamertag, queue); // leak TC1001 direct
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PlayerId"] = player.PlayerId }); // leak TC1001 logging-objects
            logger.LogDebug("Player {Player} has a ticket thread {Ticket}", pseudonymizer.ComputeGamemsgPlayerId(player.PlayerId.ToString()), ticketId); // clean precision-pseudonym
        }

        var visible = ReplyParser.VisibleText(mail.Text);
        logger.LogDebug("New text {Length} characters, {Lines} lines", visible.Length, visible.Count(c => c == '\n') + 1); // clean precision-about
        logger.LogTrace("Reply text: {Text}", visible); // leak TC1001 strings

        foreach (var attachment in mail.Attachments.Where(a => a.ContentType.StartsWith("image/", StringComparison.Ordinal)))
        {
            var fingerprint = BitConverter.ToString(MD5.HashData(attachment.Content)).Replace("-", "");
            logger.LogDebug("Screenshot {Fingerprint} of {Bytes} bytes", fingerprint, attachment.Length); // clean hashes
        }

        var bucket = (uint)mail.From.Address.ToLowerInvariant().GetHashCode() % 64;
        Activity.Current?.SetTag("support.bucket", bucket); // leak TC1002 hashes
        _queues.Add(1, new TagList { { "queue", queue } }); // clean precision-about
        _queues.Add(1, new TagList { { "queue", queue }, { "gamertag", player?.Gamertag } }); // leak TC1003 direct
        await helpdesk.DeliverAsync(queue, mail, cancellationToken);
    }
}
