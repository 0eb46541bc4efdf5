namespace PrivacyHoldout94.Energy;

public sealed record ContactChanged(string AccountNumber, string? Mobile, string? Email, string? HolderName, bool PriorityServices);

/// <summary>
/// Consumes contact changes from the CRM topic (keyed by account number) and normalises the mobile for
/// the outage SMS service and the holder's name for letters.
/// </summary>
public sealed class ContactChangeConsumer(
    IConsumer<string, ContactChanged> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<ContactChangeConsumer> logger) : BackgroundService
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly SupplymatchChecksCounter _checks = meter.CreateSupplymatchChecksCounter();
    private readonly Counter<long> _smsReady = meter.CreateCounter<long>("supplymatch.sms.ready");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var span = source.StartSupplymatchCheck("phone");
            span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Handle(result.Message.Value, span);
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Handle(ContactChanged change, SupplymatchCheckSpan span)
    {
        span.SetSupplymatchAccountId(pseudonymizer.PseudonymizeSupplymatchAccountId(change.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("supplymatch.priority_services", change.PriorityServices); // clean precision-about
        span.Activity?.SetTag("supplymatch.email.present", change.Email is not null); // clean precision-about

        if (change.Mobile is { } mobile)
        {
            try
            {
                var number = _phones.ParseAndKeepRawInput(mobile, options.DefaultRegion);
                if (!_phones.IsValidNumber(number))
                {
                    logger.LogInformation("Invalid mobile for outage SMS: raw input {Raw}", number.RawInput); // leak TC1001 direct
                    _checks.Add(1, "phone", "invalid");
                    return;
                }
                var e164 = _phones.Format(number, PhoneNumberFormat.E164);
                _smsReady.Add(1, new KeyValuePair<string, object?>("region", _phones.GetRegionCodeForNumber(number))); // clean precision-about
                NoteSmsTarget(span, e164); // leak TC1001 cross-member
                span.Activity?.SetTag("supplymatch.sms.masked", "*******" + e164[^4..]); // clean strings
            }
            catch (NumberParseException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }
        }

        if (change.HolderName is { } holder)
        {
            var parsed = HumanNameParser.Parse(holder);
            span.Activity?.SetTag("supplymatch.holder.salutation", parsed.Title ?? "none"); // clean precision-about
            logger.LogDebug("Letter salutation will read Dear {Title} {Family}", parsed.Title, parsed.Family); // leak TC1001 direct
        }
    }

    private static void NoteSmsTarget(SupplymatchCheckSpan span, string e164) =>
        span.Activity?.SetTag("supplymatch.sms.target", e164);
}
