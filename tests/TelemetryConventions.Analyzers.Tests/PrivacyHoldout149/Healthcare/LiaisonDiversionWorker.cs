namespace PrivacyHoldout149.Healthcare;

/// <summary>
/// Liaison and diversion: takes referrals from the custody suites' nurses, screens each detainee for
/// mental health and learning needs before their first appearance, and suggests diversion from court.
/// </summary>
public sealed partial class LiaisonDiversionWorker(
    IReferralQueue queue,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<LiaisonDiversionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Liaison");

    private readonly Counter<long> _referrals = meter.CreateCounter<long>("liaison.referrals", "{referral}");
    private readonly Counter<long> _repeatDetainees = meter.CreateCounter<long>("liaison.detainee.referrals", "{referral}");
    private readonly Histogram<int> _screeningScore = meter.CreateHistogram<int>("liaison.screening.score");

    private string? _lastDetainee;
    private string? _lastSuite;
    private int _screenedToday;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await queue.NextAsync(stoppingToken);
            if (referral is null)
            {
                ReportIdle();
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                continue;
            }

            _lastDetainee = referral.DetaineeName;
            _lastSuite = referral.CustodySuite;
            await ScreenAsync(referral, stoppingToken);
        }
    }

    private async Task ScreenAsync(CustodyReferral referral, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("liaison.screen");
        activity?.SetTag("liaison.referral.id", referral.ReferralId);
        activity?.SetTag("liaison.custody_suite", referral.CustodySuite);
        activity?.SetTag("liaison.detainee.pnc", referral.PncId); // leak TC1001 direct
        activity?.SetTag("liaison.detainee", pseudonymizer.Compute("liaison.detainee", referral.PncId)); // clean precision-pseudonym
        activity?.SetTag("liaison.need", referral.PresentingNeed); // clean precision-about
        activity?.SetTag("liaison.detainee.age", AgeOn(referral.DateOfBirth, DateOnly.FromDateTime(DateTime.UtcNow))); // clean precision-about
        activity?.SetTag("liaison.detainee.dob", referral.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        activity?.SetTag("liaison.notes.length", referral.ReferralNotes.Length); // clean precision-about

        var shard = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(referral.PncId))) % 8;
        activity?.SetTag("liaison.shard", shard); // clean hashes
        activity?.SetTag("liaison.detainee.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(referral.PncId)))[..12]); // leak TC1002 hashes

        LogReferralReceived(logger, referral.ReferralId, referral.DetaineeName); // clean logging-objects
        LogReferralNotes(logger, referral.ReferralId, referral.ReferralNotes); // leak TC1001 logging-objects
        _referrals.Add(1, new KeyValuePair<string, object?>("custody_suite", referral.CustodySuite), new KeyValuePair<string, object?>("need", referral.PresentingNeed)); // clean precision-names
        _repeatDetainees.Add(1, new KeyValuePair<string, object?>("detainee", pseudonymizer.Compute("liaison.detainee", referral.PncId))); // leak TC1003 precision-pseudonym

        try
        {
            var outcome = await queue.ScreenAsync(referral, cancellationToken);
            _screenedToday++;
            activity?.SetTag("liaison.pathway", outcome.Pathway);
            activity?.SetTag("liaison.diverted", outcome.DivertedFromCourt); // clean precision-about
            _screeningScore.Record(outcome.Score, new KeyValuePair<string, object?>("pathway", outcome.Pathway)); // clean precision-names
            logger.LogInformation("Screened {Outcome}", outcome); // clean logging-objects
        }
        catch (DetaineeAlreadyReferredException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Referral {ReferralId} duplicates an open one: {Reason}", referral.ReferralId, ex.Message); // leak TC1001 exceptions
        }
        catch (CustodySuiteClosedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Liaison service closed for referral {ReferralId}", referral.ReferralId); // clean exceptions
        }
    }

    private void ReportIdle()
    {
        Activity.Current?.SetTag("liaison.last_suite", _lastSuite); // clean cross-member
        Activity.Current?.SetTag("liaison.screened_today", _screenedToday); // clean cross-member
        logger.LogDebug("Queue idle; last detainee screened was {Detainee}", _lastDetainee); // leak TC1001 cross-member
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly today) =>
        today.Year - dateOfBirth.Year - (today.DayOfYear < dateOfBirth.DayOfYear ? 1 : 0);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Referral {ReferralId} received for {DetaineeName}")]
    private static partial void LogReferralReceived(ILogger logger, string referralId, [PrivateData] string detaineeName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Referral {ReferralId} notes: {Notes}")]
    private static partial void LogReferralNotes(ILogger logger, string referralId, string notes);
}
