namespace PrivacyHoldout168.Retail;

/// <summary>Daily: store card accounts seven days in arrears get a reminder; breathing space pauses collection.</summary>
public sealed class ArrearsReminderWorker(
    IArrearsLedger ledger,
    IBorrowerMessenger messenger,
    IApplicationStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LendingOptions options,
    ILogger<ArrearsReminderWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("StoreCard.Arrears");
    private static readonly Meter Meter = new("StoreCard.Arrears");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("arrears.reminders.sent");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var accounts = await ledger.DueForReminderAsync(options.ArrearsReminderDays, stoppingToken);
        using var batch = Source.StartActivity("arrears.reminders");
        batch?.SetTag("arrears.accounts", accounts.Count); // clean precision-about
        foreach (var account in accounts)
        {
            using var scope = logger.BeginScope(account); // leak TC1001 logging-objects
            var borrower = await store.FindBorrowerAsync(account.AccountNumber, stoppingToken);
            if (borrower is null)
            {
                var ex = new BorrowerNotFoundException(account.AccountNumber);
                logger.LogError(ex, "Reminder skipped"); // leak TC1001 exceptions
                continue;
            }
            await messenger.SendAsync(borrower.Mobile, "tpl-arrears-7", stoppingToken);
            logger.LogInformation("Reminder texted to {Mobile}", borrower.Mobile); // leak TC1001 direct
            logger.LogInformation("Reminder texted to a mobile ending {Last}", borrower.Mobile[^3..]); // clean precision-about
            logger.LogInformation("Reminder sent for {Pseudonym}", pseudonymizer.ComputeStorecardCustomerId(borrower.CustomerNumber)); // clean precision-pseudonym
            batch?.AddEvent(new ActivityEvent("arrears.reminder", tags: new ActivityTagsCollection { ["customer"] = pseudonymizer.ComputeStorecardCustomerId(borrower.CustomerNumber) })); // clean precision-pseudonym
            batch?.AddEvent(new ActivityEvent("arrears.reminder.raw", tags: new ActivityTagsCollection { ["account"] = account.AccountNumber })); // leak TC1001 direct
            Sent.Add(1, new KeyValuePair<string, object?>("stage", account.Stage)); // clean precision-about
            var partition = (int)(BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(borrower.CustomerNumber)), 0) % 8);
            batch?.SetTag("arrears.partition", partition); // leak TC1002 hashes
            batch?.SetTag("arrears.keyed_partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(borrower.CustomerNumber))[1] % 8); // clean hashes
            try
            {
                if (account.Stage == "breathing-space")
                {
                    throw new CollectionPausedException("BS60");
                }
            }
            catch (CollectionPausedException ex)
            {
                logger.LogInformation(ex, "Collection paused"); // clean exceptions
            }
        }
    }
}
