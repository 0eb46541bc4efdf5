namespace PrivacyHoldout169.Media;

/// <summary>Lets streaming subscribers add a monthly donation to the broadcaster's appeal to their plan.</summary>
public sealed partial class SubscriberGivingService(
    IDonorMessenger messenger,
    Pseudonymizer pseudonymizer,
    FundraisingOptions options,
    ILogger<SubscriberGivingService> logger)
{
    private static readonly ActivitySource Source = new("AppealTv.SubscriberGiving");
    private static readonly Meter Meter = new("AppealTv.SubscriberGiving");
    private static readonly UpDownCounter<long> ActiveDonors = Meter.CreateUpDownCounter<long>("appealtv.subscriber_donors.active");

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} gives {Monthly} a month")]
    private partial void LogStarted([PrivateData] Guid subscriberId, decimal monthly);

    [LoggerMessage(Level = LogLevel.Information, Message = "Receipt sent to {Email}")]
    private partial void LogReceipt(string email);

    public async Task StartAsync(SubscriberDonation donation, string market, CancellationToken cancellationToken)
    {
        var subscriber = pseudonymizer.PseudonymizeAppealtvSubscriberId(donation.SubscriberId.ToString());
        using var operation = Source.StartAppealtvOperation(market).SetAppealtvSubscriberId(subscriber).SetAppealtvAppeal(donation.Appeal); // clean generated-api
        LogStarted(donation.SubscriberId, donation.Monthly); // clean logging-objects
        operation.Activity?.SetTag("giving.subscriber", donation.SubscriberId.ToString("N")); // leak TC1001 direct
        operation.Activity?.SetTag("giving.email_domain", donation.Email.Split('@')[1]); // clean precision-about
        ActiveDonors.Add(1, new KeyValuePair<string, object?>("appeal", donation.Appeal), new("market", market)); // clean precision-names
        ActiveDonors.Add(1, new KeyValuePair<string, object?>("subscriber", subscriber.Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.AddBaggage("subscriber.ref", subscriber.Value); // clean precision-pseudonym

        await messenger.SendAsync(donation.Email, options.ThankYouTemplateId, cancellationToken);
        LogReceipt(donation.Email); // leak TC1001 logging-objects
        logger.LogInformation("Subscriber giving started {@Donation}", donation); // leak TC1001 logging-objects
        logger.LogInformation("Subscriber giving started for {Appeal} at {Monthly}", donation.Appeal, donation.Monthly); // clean logging-objects
        operation.SetAppealtvNote(FormattableString.Invariant($"monthly {donation.Monthly} to {donation.Appeal}")); // clean strings
        operation.SetAppealtvOutcome(FormattableString.Invariant($"started for {donation.Email}")); // leak TC1001 strings
        var subscriberTier = donation.Monthly >= 10m ? "gold" : "standard";
        operation.Activity?.SetTag("giving.subscriber_tier", subscriberTier); // clean precision-names
        var fromComputed = Pseudonym.FromComputed(donation.SubscriberId.ToString());
        operation.SetAppealtvSubscriberId(fromComputed); // leak TC1001 precision-pseudonym
    }
}
