namespace PrivacyHoldout113.Gaming;

public sealed record ConsentChanged(Guid PlayerId, string Email, string Platform, string Country, ConsentString Tcf, bool Marketing, DateTimeOffset At);

/// <summary>Consumes the consent management platform's changes and mirrors them to the studio's consent store and mailing list.</summary>
public sealed class MarketingConsentSync(
    IConsumer<string, ConsentChanged> consumer,
    IConsentStore consents,
    ILogger<MarketingConsentSync> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private readonly Counter<long> _changes = meter.CreateCounter<long>("gmaudit.consent.changes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var change = result.Message.Value;
            using var span = source.StartGmauditRequest($"{result.Topic}/{result.Partition}/{result.Offset}", "consent");
            span.SetGmauditConsentPurpose("marketing"); // clean precision-names
            span.Activity?.SetTag("gmaudit.kafka.key", result.Message.Key); // leak TC1001 cross-member
            span.Activity?.SetTag("gmaudit.tcf", change.Tcf.TcString); // clean precision-names
            span.Activity?.SetTag("gmaudit.tcf.purposes", string.Join(",", change.Tcf.Purposes)); // clean strings
            span.Activity?.SetTag("gmaudit.platform", change.Platform); // clean precision-names

            await consents.SaveAsync(new ConsentRecord(change.PlayerId.ToString(), "marketing", change.Marketing, "cmp", "tcf-2.2", change.At), stoppingToken);
            logger.LogInformation("Consent change {Change}", change); // leak TC1001 logging-objects
            logger.LogInformation("Consent change for {Player} on {Platform}: marketing {Marketing}", pseudonymizer.PseudonymizeGmauditSubjectId(change.PlayerId.ToString()), change.Platform, change.Marketing); // clean precision-pseudonym
            if (!change.Marketing)
            {
                logger.LogInformation("Removing {Email} from the newsletter", change.Email); // leak TC1001 direct
            }
            _changes.Add(1, new KeyValuePair<string, object?>("gmaudit.country", change.Country), new KeyValuePair<string, object?>("gmaudit.marketing", change.Marketing)); // clean precision-about
            consumer.Commit(result);
        }
    }
}
