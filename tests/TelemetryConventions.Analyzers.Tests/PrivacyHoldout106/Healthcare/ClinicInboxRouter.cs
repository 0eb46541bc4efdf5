namespace PrivacyHoldout106.Healthcare;

/// <summary>
/// Routes the mail SendGrid's Inbound Parse posts for the trust's shared mailboxes: GP referrals to
/// <c>referrals+{referralId}@</c>, patients' letters to <c>appointments@</c>, fit notes and photos to
/// <c>dermatology@</c>.
/// </summary>
public sealed partial class ClinicInboxRouter(
    ActivitySource source,
    ILogger<ClinicInboxRouter> logger,
    IInboundParser parser,
    IMailDropbox dropbox,
    IReadOnlyList<MailRoute> routes,
    Pseudonymizer pseudonymizer)
{
    private static readonly Counter<long> Routed = new Meter("Trust.Messaging.Inbound").CreateCounter<long>("hcmsg.inbox.routed");

    public async Task RouteAsync(IReadOnlyDictionary<string, string> form, IReadOnlyList<InboundAttachment> files, CancellationToken cancellationToken)
    {
        using var span = source.StartHcmsgInbound("email").SetHcmsgDirection("inbound");
        InboundEmail mail;
        try
        {
            mail = await parser.ParseAsync(form, files, cancellationToken);
        }
        catch (InboundParseException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Inbound parse failed on {Field}; raw form {Form}", ex.Field, string.Join('&', form.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 strings
            return;
        }

        var recipient = mail.To[0].Address;
        var (mailbox, tag) = SubAddress.Split(recipient);
        var route = routes.OrderBy(r => r.Priority).FirstOrDefault(r => r.Expression.Contains(mailbox, StringComparison.OrdinalIgnoreCase));

        span.SetHcmsgRoute(route?.Id ?? "unrouted") // clean precision-names
            .SetHcmsgAttachmentCount(mail.Attachments.Count); // clean precision-about
        Activity.Current?.SetTag("mail.recipient", recipient); // clean precision-names
        Activity.Current?.SetTag("mail.referral", tag); // clean precision-names
        Activity.Current?.SetTag("mail.from", mail.From.Address); // leak TC1001 direct
        Activity.Current?.SetTag("mail.from.domain", mail.From.Domain); // clean precision-about
        Activity.Current?.SetTag("mail.spf", mail.Spf); // clean precision-about
        Activity.Current?.SetTag("mail.spam_score", mail.SpamScore); // clean precision-about
        Activity.Current?.SetTag("mail.client_ip", mail.SenderIp); // leak TC1001 direct

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["MessageId"] = mail.MessageId, ["Route"] = route?.Id }); // clean precision-names
        logger.LogInformation("Inbound mail for {Mailbox} with subject {Subject}", mailbox, mail.Subject); // leak TC1001 strings
        LogSender(logger, mail.From.Name ?? "", mail.From.Domain); // leak TC1001 cross-member

        foreach (var attachment in mail.Attachments)
        {
            logger.LogDebug("Attachment {ContentType}, {Bytes} bytes", attachment.ContentType, attachment.Length); // clean precision-about
            logger.LogDebug("Attachment {FileName}", attachment.FileName); // leak TC1001 direct
        }

        if (route is null)
        {
            logger.LogHcmsgMessageRejectedEvent("email", "unrouted", hcmsgNote: $"no route for mailbox '{mailbox}'"); // clean generated-api
            Routed.Add(1, new TagList { { "route", "unrouted" }, { "mailbox", mailbox } }); // clean precision-names
            return;
        }

        var hospitalNumber = ReadHospitalNumber(mail.Subject);
        if (hospitalNumber is not null)
        {
            span.SetHcmsgPatientId(pseudonymizer.PseudonymizeHcmsgPatientId(hospitalNumber)); // clean precision-pseudonym
            span.SetHcmsgNote($"subject quotes MRN {hospitalNumber}"); // leak TC1001 generated-api
        }

        await dropbox.DeliverAsync(route.Id, mail, cancellationToken);
        Routed.Add(1, new TagList { { "route", route.Id } }); // clean precision-about
        Routed.Add(1, new TagList { { "route", route.Id }, { "sender", mail.From.Address } }); // leak TC1003 direct
    }

    /// <summary>Patients write "MRN 1234567" in the subject as the letters ask them to.</summary>
    private static string? ReadHospitalNumber(string subject)
    {
        var at = subject.IndexOf("MRN", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : new string(subject[(at + 3)..].SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray());
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Mail from {SenderName} at {SenderDomain}")]
    private static partial void LogSender(ILogger logger, string senderName, string senderDomain);
}
