namespace PrivacyHoldout106.Energy;

/// <summary>A reading texted in: "READ {accountNumber} {register}" or a photo of the meter.</summary>
public sealed record TextedReading(string AccountNumber, int Register, string MessageSid);

public interface IAccountLookup
{
    Task<(string AccountNumber, string MeterSerial, string Region)?> ByMobileAsync(string mobile, CancellationToken cancellationToken = default);
}

public interface IReadingStore
{
    Task SubmitAsync(string accountNumber, int register, string source, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when a reading is texted for an account the number does not belong to.</summary>
public sealed class ReadingAccountMismatchException(string accountNumber) : Exception($"Account {accountNumber} is not registered to the sending number")
{
}

/// <summary>
/// The supplier's readings short code: customers text READ with their account number and register, or send
/// an MMS photo of the meter, which goes to the reading recognition queue.
/// </summary>
public sealed class MeterReadingSmsService(
    ActivitySource source,
    Meter meter,
    ILogger<MeterReadingSmsService> logger,
    IAccountLookup accounts,
    IReadingStore readings,
    ISmsClient sms,
    Pseudonymizer pseudonymizer,
    GatewayOptions options)
{
    private readonly EnmsgMessagesCounter _messages = meter.CreateEnmsgMessagesCounter();
    private readonly Counter<long> _photos = meter.CreateCounter<long>("enmsg.reading.photos");

    public async Task<string> HandleAsync(InboundSms inbound, CancellationToken cancellationToken)
    {
        using var span = source.StartEnmsgInbound(inbound.NumMedia > 0 ? "mms" : "sms").SetEnmsgDirection("inbound");
        Activity.Current?.SetTag("sms.from.prefix", inbound.From[..3]); // clean precision-about
        Activity.Current?.SetTag("sms.short_code", options.ShortCode); // clean precision-names

        var linked = await accounts.ByMobileAsync(inbound.From, cancellationToken);
        if (linked is { } account)
        {
            span.SetEnmsgAccountId(pseudonymizer.PseudonymizeEnmsgAccountId(account.AccountNumber)) // clean precision-pseudonym
                .SetEnmsgRegion(account.Region); // clean precision-about
            Activity.Current?.SetTag("meter.serial", account.MeterSerial); // leak TC1001 direct
            Activity.Current?.SetTag("meter.model", account.MeterSerial[..3]); // clean precision-about
        }

        if (inbound.NumMedia > 0)
        {
            span.SetEnmsgAttachmentCount(inbound.NumMedia); // clean precision-about
            foreach (var media in inbound.Media)
            {
                logger.LogInformation("Meter photo {MediaSid} ({ContentType}) queued for recognition", media.Sid, media.ContentType); // clean precision-names
                _photos.Add(1, new KeyValuePair<string, object?>("content_type", media.ContentType)); // clean precision-about
            }

            _messages.Add(1, "mms", "inbound", "photo-queued"); // clean precision-about
            return new MessagingResponse().Message("Thanks, we'll read your meter photo within a day.").ToString();
        }

        var parts = inbound.Body.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["READ", var accountNumber, var registerText])
        {
            span.SetEnmsgOutcome("unparsed").SetEnmsgNote($"body of {parts.Length} words"); // clean precision-about
            logger.LogInformation("Unparsed reading text {Body}", inbound.Body); // leak TC1001 strings
            return new MessagingResponse().Message("To send a reading text READ, your account number and the reading.").ToString();
        }

        span.SetEnmsgKeyword("READ"); // clean precision-about
        if (!int.TryParse(registerText, out var register))
        {
            span.SetEnmsgNote($"register '{registerText}' is not a number"); // clean precision-about
            return new MessagingResponse().Message("Sorry, we could not read that number.").ToString();
        }

        var texted = new TextedReading(accountNumber, register, inbound.MessageSid);
        logger.LogDebug("Texted reading {Reading}", texted); // leak TC1001 logging-objects
        try
        {
            if (linked is { } owner && owner.AccountNumber != accountNumber)
            {
                throw new ReadingAccountMismatchException(accountNumber);
            }

            await readings.SubmitAsync(accountNumber, register, "sms", cancellationToken);
            Activity.Current?.SetBaggage("enmsg.account", accountNumber); // leak TC1001 direct
            span.SetEnmsgOutcome("submitted"); // clean precision-about
        }
        catch (ReadingAccountMismatchException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogEnmsgMessageRejectedEvent("sms", "account-mismatch", enmsgNote: ex.Message); // leak TC1001 generated-api
            return new MessagingResponse().Message("That account is not linked to this number.").ToString();
        }

        _messages.Add(1, "sms", "inbound", "submitted"); // clean precision-about
        _messages.Add(1, "sms", "inbound", accountNumber); // leak TC1003 generated-api
        return new MessagingResponse().Message($"Thanks, reading {register} received.").ToString();
    }

    public async Task ConfirmAsync(string mobile, string accountNumber, int register, CancellationToken cancellationToken)
    {
        using var span = source.StartEnmsgSend("sms", "tpl-reading-received");
        try
        {
            var sent = await sms.SendAsync(mobile, options.ShortCode, $"We have your reading {register} for account ending {accountNumber[^4..]}.", cancellationToken: cancellationToken);
            span.SetEnmsgMessageId(sent.Sid).SetEnmsgOutcome(sent.Status); // clean precision-about
        }
        catch (SmsApiException ex)
        {
            span.SetEnmsgOutcome(ex.Code.ToString(CultureInfo.InvariantCulture)); // clean exceptions
            span.SetEnmsgNote(ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }
    }
}
