namespace PrivacyHoldout119.Energy;

/// <summary>A household's result in a demand-flexibility saving session.</summary>
public sealed record SessionResult(string AccountNumber, string MeterSerial, string SessionId, double BaselineKwh, double ActualKwh);

/// <summary>Pays green rewards points for the kWh a household saved during a saving session.</summary>
public sealed class SavingSessionRewards(IPointsLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<SavingSessionRewards> logger)
{
    private const string Programme = "green-rewards";
    private const int PointsPerKwh = 800;
    private static readonly ActivitySource Source = new("Supplier.GreenRewards.Sessions");
    private static readonly Meter Meter = new("Supplier.GreenRewards.Sessions");
    private static readonly Histogram<double> Saved = Meter.CreateHistogram<double>("greenrwd.session.saved", "kWh");

    public async Task SettleAsync(string sessionId, IReadOnlyList<SessionResult> results, CancellationToken cancellationToken)
    {
        using var span = Source.StartGreenrwdAccrue(Programme).SetGreenrwdCampaign(sessionId); // clean generated-api
        span.SetGreenrwdEntryCount(results.Count); // clean precision-about
        var negative = results.Where(r => r.ActualKwh > r.BaselineKwh).ToList();
        logger.LogInformation("{Count} households used more than their baseline in {Session}", negative.Count, sessionId); // clean precision-about
        logger.LogDebug("Over baseline: {Meters}", string.Join(",", negative.Select(r => r.MeterSerial))); // leak TC1001 strings
        logger.LogDebug("Meter models over baseline: {Models}", string.Join(",", negative.Select(r => r.MeterSerial[..3]).Distinct())); // clean precision-about

        foreach (var result in results.Except(negative))
        {
            var savedKwh = result.BaselineKwh - result.ActualKwh;
            Saved.Record(savedKwh, new KeyValuePair<string, object?>("session", sessionId)); // clean precision-names
            using var hmac = new HMACSHA256(secrets.ShardKey);
            var bucket = BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(result.AccountNumber))) % 32;
            using var child = Source.StartActivity("greenrwd.session.pay");
            child?.SetTag("greenrwd.bucket", bucket); // clean hashes
            child?.SetTag("greenrwd.household", Convert.ToBase64String(Encoding.UTF8.GetBytes(result.AccountNumber))); // leak TC1001 hashes
            child?.SetTag("greenrwd.household.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(result.AccountNumber)))[..12]); // leak TC1002 hashes
            child?.SetTag("greenrwd.household.ref", pseudonymizer.ComputeGreenrwdMemberId(result.AccountNumber)); // clean precision-pseudonym
            var points = (int)Math.Round(savedKwh * PointsPerKwh);
            var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"{sessionId}:{result.AccountNumber}", MemberNumber = result.AccountNumber, Points = points, Reason = "saving-session" }, cancellationToken);
            child?.SetTag("greenrwd.posting", posting.EntryId);
            child?.SetTag("greenrwd.points", posting.Posted); // clean precision-about
        }
    }
}
