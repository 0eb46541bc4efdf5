namespace PrivacyHoldout81.Energy;

/// <summary>
/// Minimal-API endpoint for the inbound-parse webhook of readings@ and billing@. Customers reply from
/// their own mail accounts; the envelope's RCPT TO is the plus address of the reminder (with the account
/// number, see <see cref="MeterReadingReplyParser"/>).
/// </summary>
public static partial class ReadingInboundWebhook
{
    public static void Map(EndpointRoutes routes) => routes.MapPost("/inbound/readings", Handle);

    private static async Task<ActionResult> Handle(
        InboundParseForm form,
        ActivitySource source,
        Meter meter,
        IReadingMailQueue queue,
        ILogger<ReadingMailIntake> logger,
        CancellationToken cancellationToken)
    {
        var envelope = SmtpEnvelope.Parse(form.Envelope);
        PlusAddress.TryParse(envelope.To[0], out var alias);
        using var intake = source.StartReadinginboxIntake(alias.Mailbox);

        logger.LogInformation("Envelope {Envelope}", envelope); // leak TC1001 logging-objects
        intake.Activity?.SetTag("smtp.rcpt_to", envelope.To[0]); // leak TC1001 direct
        intake.Activity?.SetTag("smtp.rcpt_count", envelope.To.Count); // clean precision-about
        intake.Activity?.SetTag("mail.charsets", form.Charsets); // clean precision-about
        intake.SetReadinginboxDkimResult(ProviderVerdicts.DkimResult(form.Dkim)) // clean precision-about
            .SetReadinginboxSpamScore(ProviderVerdicts.ParseSpamScore(form.SpamScore)); // clean precision-about
        intake.Activity?.SetTag("mail.dkim.domain", ProviderVerdicts.DkimDomain(form.Dkim)); // clean precision-about
        intake.Activity?.SetTag("mail.spf", form.Spf); // clean precision-about

        if (form.Spf is "fail" or "softfail")
        {
            LogSpfFailure(logger, form.Spf, envelope.From); // leak TC1001 direct
            intake.Activity?.SetStatus(ActivityStatusCode.Error, $"SPF {form.Spf} for MAIL FROM domain {envelope.From.Split('@')[^1]}"); // clean precision-about
            return BadRequest("spf");
        }

        if (form.Text is null)
        {
            logger.LogWarning("Reply without a text part; headers were {Headers}", form.Headers); // leak TC1001 direct
            intake.SetReadinginboxNote($"no text part, {form.Attachments} attachment(s), html {form.Html?.Length ?? 0} chars"); // clean generated-api
        }

        await queue.EnqueueAsync(form, cancellationToken);
        meter.CreateReadinginboxMessagesReceivedCounter().Add(1, alias.Mailbox, "queued"); // clean precision-about
        return Ok();
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "SPF {Result} for MAIL FROM {MailFrom}")]
    private static partial void LogSpfFailure(ILogger logger, string result, string mailFrom);

    private static ActionResult Ok() => new OkResult(null);

    private static ActionResult BadRequest(string detail) => new BadRequestResult(detail);
}

public sealed class ReadingMailIntake;

public interface IReadingMailQueue
{
    Task EnqueueAsync(InboundParseForm form, CancellationToken cancellationToken);
}
