namespace PrivacyHoldout84.Education;

public sealed record TrialEnding(string SubscriptionId, string CustomerId, string LearnerEmail, string LearnerName, string PriceId, DateTimeOffset TrialEnd, bool HasPaymentMethod, string? ReferralCode);

public interface ITrialRepository
{
    IAsyncEnumerable<TrialEnding> EndingWithinAsync(TimeSpan window, CancellationToken ct);
}

/// <summary>Reminds learners whose free trial ends in three days and records how trials convert.</summary>
public sealed partial class TrialConversionJob(
    ILogger<TrialConversionJob> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ITrialRepository trials,
    IDunningMailer mailer)
{
    private readonly Counter<long> _reminders = meter.CreateCounter<long>("courses.trial.reminders");
    private readonly List<string> _noPaymentMethod = [];

    public async Task RunAsync(CancellationToken ct)
    {
        var sent = 0;
        await foreach (var trial in trials.EndingWithinAsync(TimeSpan.FromDays(3), ct))
        {
            using var scope = logger.BeginScope("Trial {SubscriptionId} ends {TrialEnd:d}", trial.SubscriptionId, trial.TrialEnd); // clean precision-about
            var daysLeft = (int)Math.Ceiling((trial.TrialEnd - DateTimeOffset.UtcNow).TotalDays);

            if (!trial.HasPaymentMethod)
            {
                _noPaymentMethod.Add(trial.LearnerEmail);
                _reminders.Add(1, new KeyValuePair<string, object?>("template", "trial-add-card"), new KeyValuePair<string, object?>("days_left", daysLeft)); // clean precision-about
            }

            var notice = new DunningNotice(trial.LearnerEmail, "trial-ending", "en-GB", 0, new Dictionary<string, string> { ["first_name"] = trial.LearnerName.Split(' ')[0], ["days"] = daysLeft.ToString(CultureInfo.InvariantCulture) });
            var messageId = await mailer.SendAsync(notice, ct);
            LogReminder(logger, messageId, trial.PriceId, daysLeft); // clean precision-about
            LogReminderRecipient(logger, trial.LearnerName); // clean direct
            sent++;

            if (trial.ReferralCode is { } code)
            {
                Activity.Current?.SetTag("courses.trial.referral_code", code); // leak TC1001 direct
                Activity.Current?.SetTag("courses.trial.referral_code_length", code.Length); // clean precision-about
                Activity.Current?.SetTag("courses.trial.referrer", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)))); // leak TC1002 hashes
            }

            if (daysLeft <= 1)
            {
                logger.LogInformation("Last-day reminder {Notice}", notice); // leak TC1001 logging-objects
                logger.LogInformation("Trial ends tomorrow for {CustomerRef}", pseudonymizer.ComputeCoursesubCustomerId(trial.CustomerId)); // clean precision-pseudonym
            }
        }

        logger.LogInformation("Sent {Count} trial reminders; {Missing} trials have no card", sent, _noPaymentMethod.Count); // clean precision-about
        logger.LogInformation("Trials without a card: {Learners}", string.Join("; ", _noPaymentMethod)); // leak TC1001 cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trial reminder {MessageId} sent for {PriceId}, {DaysLeft} days left")]
    private static partial void LogReminder(ILogger logger, string messageId, string priceId, int daysLeft);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trial reminder addressed to {LearnerName}")]
    private static partial void LogReminderRecipient(ILogger logger, [PrivateData] string learnerName);
}
