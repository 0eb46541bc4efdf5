namespace PrivacyHoldout106.Transport;

/// <summary>A lost property report read from an email to <c>lostproperty@</c>.</summary>
public sealed record LostPropertyReport(string ReportId, string RiderEmail, string RiderName, string? TravelCardNumber, string Line, string Description);

public interface ILostPropertyDesk
{
    Task<string> OpenAsync(LostPropertyReport report, IReadOnlyList<InboundAttachment> photos, CancellationToken cancellationToken = default);
}

/// <summary>
/// The lost property inbox: riders email what they lost, on which line, often with photos and the travel
/// card they paid with; the desk opens a report and answers from <c>lostproperty+{reportId}@</c>.
/// </summary>
public sealed partial class LostPropertyInbox(
    ActivitySource source,
    ILogger<LostPropertyInbox> logger,
    ILostPropertyDesk desk,
    Pseudonymizer pseudonymizer)
{
    public async Task HandleAsync(InboundEmail mail, CancellationToken cancellationToken)
    {
        using var span = source.StartTransitmsgInbound("email").SetTransitmsgDirection("inbound").SetTransitmsgRoute("lost-property"); // clean precision-names
        var line = mail.Subject.Split(' ').FirstOrDefault(w => w.All(char.IsDigit) && w.Length is > 0 and < 4) ?? "unknown";
        var card = mail.Text.Split(' ', '\n').FirstOrDefault(w => w.Length == 16 && w.All(char.IsDigit));
        var report = new LostPropertyReport(Guid.NewGuid().ToString("N")[..10], mail.From.Address, mail.From.Name ?? "", card, line, ReplyParser.VisibleText(mail.Text));

        span.SetTransitmsgLine(line).SetTransitmsgAttachmentCount(mail.Attachments.Count); // clean precision-about
        Activity.Current?.SetTag("lost.report", report.ReportId); // clean precision-names
        Activity.Current?.SetTag("lost.card", card); // leak TC1001 direct
        Activity.Current?.SetTag("lost.card.last4", card?[^4..]); // clean precision-about
        Activity.Current?.SetTag("lost.rider", mail.From.Name); // leak TC1001 direct
        logger.LogInformation("Lost property report {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Lost on line {Line}: {Description}", line, report.Description); // leak TC1001 strings
        if (card is not null)
        {
            var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(card)))[..16];
            logger.LogDebug("Card key {CardKey}", cardKey); // leak TC1002 hashes
            span.SetTransitmsgRiderId(pseudonymizer.PseudonymizeTransitmsgRiderId(card)); // clean precision-pseudonym
        }

        var reference = await desk.OpenAsync(report, mail.Attachments, cancellationToken);
        LogOpened(logger, reference, line, report.RiderEmail); // leak TC1001 logging-objects
        span.SetTransitmsgOutcome("opened").SetTransitmsgNote($"report {reference}, {mail.Attachments.Count} photo(s)"); // clean precision-names
    }

    [LoggerMessage(EventId = 9310, Level = LogLevel.Information, Message = "Opened lost property {Reference} on line {Line} for {RiderEmail}")]
    private static partial void LogOpened(ILogger logger, string reference, string line, string riderEmail);
}
