namespace PrivacyHoldout159.Transport;

// Hands postal ballot packs to the printer's courier and tracks them to the sorting office; each pack carries one ballot paper number.
public sealed partial class PostalVoteDispatchWorker(
    IQueueReceiver<BallotIssue> packs,
    ILogger<PostalVoteDispatchWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : BackgroundService
{
    private readonly Counter<long> dispatched = meter.CreateCounter<long>("postalvote.dispatched");
    private readonly List<int> returnedUndelivered = new();
    private BallotIssue? lastPack;

    [LoggerMessage(Level = LogLevel.Information, Message = "Pack for ballot {BallotPaperNumber} dispatched from {Station}")]
    private static partial void LogDispatched(ILogger logger, int ballotPaperNumber, string station);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pack batch dispatched from {Station}")]
    private static partial void LogBatch(ILogger logger, string station);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pack = await packs.ReceiveAsync(stoppingToken);
            if (pack is null)
            {
                continue;
            }

            lastPack = pack;
            using var activity = new ActivitySource("Council.PostalVotes").StartActivity("postalvote.dispatch");
            LogDispatched(logger, pack.BallotPaperNumber, pack.PollingStation); // leak TC1001 logging-objects
            LogBatch(logger, pack.PollingStation); // clean logging-objects
            activity?.SetTag("postalvote.station", pack.PollingStation); // clean precision-about
            activity?.SetTag("postalvote.ballot_paper", pack.BallotPaperNumber); // leak TC1001 direct
            activity?.SetTag("postalvote.elector", pack.ElectorNumber); // leak TC1001 direct
            activity?.SetTag("postalvote.district", pack.ElectorNumber[..2]); // clean precision-about
            activity?.SetTag("postalvote.elector.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pack.ElectorNumber)))); // leak TC1002 hashes
            activity?.SetTag("postalvote.elector.bucket", Bucket(pack.ElectorNumber)); // clean hashes
            dispatched.Add(1, new KeyValuePair<string, object?>("station", pack.PollingStation)); // clean precision-about
            dispatched.Add(1, new KeyValuePair<string, object?>("elector", pseudonymizer.PseudonymizePolltransportElectorId(pack.ElectorNumber).ToString())); // leak TC1003 precision-pseudonym
            logger.LogInformation("Pack {Pack}", pack); // leak TC1001 logging-objects
        }
    }

    public void Undelivered(int ballotPaperNumber, string reason)
    {
        returnedUndelivered.Add(ballotPaperNumber);
        logger.LogWarning("Pack returned undelivered: {Reason}", reason); // clean precision-about
        logger.LogWarning("Undelivered ballot papers {Numbers}", returnedUndelivered); // leak TC1001 cross-member
        logger.LogWarning("Undelivered packs {Count}; last from {Station}", returnedUndelivered.Count, lastPack?.PollingStation); // clean cross-member
    }

    private int Bucket(string value)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(value))[1] % 64;
    }
}
