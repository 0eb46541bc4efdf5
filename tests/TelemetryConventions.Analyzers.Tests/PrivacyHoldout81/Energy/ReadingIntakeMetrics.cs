namespace PrivacyHoldout81.Energy;

/// <summary>
/// Hand-made instruments of the readings inbox, beside the generated ones: submissions by channel,
/// tariff and DMARC verdict, and a sampling decision for the replies the data team reviews by hand.
/// </summary>
public sealed class ReadingIntakeMetrics(
    Meter meter,
    Pseudonymizer pseudonymizer,
    KeyedShards shards,
    ILogger<ReadingIntakeMetrics> logger)
{
    private readonly Counter<long> _submissions = meter.CreateCounter<long>("readinginbox.submissions");
    private readonly Histogram<double> _replyDelay = meter.CreateHistogram<double>("readinginbox.reply.delay", "h");
    private readonly ConcurrentDictionary<string, int> _repliesPerAccount = new();

    public void Record(MeterReadingSubmission submission, string tariff, AuthenticationResults auth, TimeSpan sinceReminder)
    {
        _submissions.Add(1, new TagList { { "tariff", tariff }, { "register", submission.Register.ToString() }, { "dmarc", auth.Dmarc } }); // clean precision-about
        _submissions.Add(1, new TagList { { "dkim.domain", auth.DkimDomain }, { "aligned", auth.Aligned } }); // clean precision-about
        _replyDelay.Record(sinceReminder.TotalHours, new KeyValuePair<string, object?>("tariff", tariff)); // clean precision-about

        var account = pseudonymizer.ComputeReadinginboxSenderId(submission.AccountNumber);
        _submissions.Add(1, new KeyValuePair<string, object?>("account", account)); // leak TC1003 precision-pseudonym

        var replies = _repliesPerAccount.AddOrUpdate(submission.AccountNumber, 1, (_, n) => n + 1);
        if (replies > 3)
        {
            logger.LogWarning("Accounts replying more than three times: {Accounts}", string.Join(",", _repliesPerAccount.Keys)); // leak TC1001 cross-member
        }

        var review = shards.Shard(submission.AccountNumber, 100) < 2;
        Activity.Current?.SetTag("reading.manual_review", review); // clean hashes
        var legacyBucket = HashCode.Combine(submission.AccountNumber) & 0xF;
        Activity.Current?.SetTag("reading.legacy_bucket", legacyBucket); // leak TC1002 hashes
        Activity.Current?.SetTag("reading.seen_accounts", _repliesPerAccount.Count); // clean precision-about
    }
}
