namespace PrivacyHoldout162.Retail;

public sealed partial class LoyaltyPointsWorker(
    IConsumer<string, PointsAward> consumer,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<LoyaltyPointsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Takeaway.Loyalty");
    private static readonly Meter LoyaltyMeter = new("Takeaway.Loyalty");
    private static readonly Histogram<int> PointsAwarded = LoyaltyMeter.CreateHistogram<int>("loyalty.points.awarded");

    private readonly Dictionary<string, int> _pointsByMember = new();
    private string? _lastFlaggedEmail;
    private int _flagged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            var award = result.Message.Value;
            using var activity = Source.StartActivity("loyalty.award");
            activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("loyalty.order.id", award.OrderId); // clean precision-names
            activity?.SetTag("loyalty.member", pseudonymizer.Compute("loyalty.member", award.MemberNumber)); // clean precision-pseudonym
            activity?.SetTag("loyalty.points", award.Points); // clean precision-about

            _pointsByMember[award.MemberNumber] = _pointsByMember.GetValueOrDefault(award.MemberNumber) + award.Points;
            PointsAwarded.Record(award.Points, new KeyValuePair<string, object?>("loyalty.shard", Shard(award.MemberNumber))); // clean hashes
            PointsAwarded.Record(award.Points, new KeyValuePair<string, object?>("loyalty.member.hash", ShortHash(award.MemberNumber))); // leak TC1003 hashes
            LogAwarded(logger, award.OrderId, award.MemberNumber, award.Points); // clean logging-objects
            LogAwardedPlain(logger, award.OrderId, award.MemberNumber); // leak TC1001 logging-objects
            await Task.Yield();
        }
    }

    public void Flag(LoyaltyMember member)
    {
        _lastFlaggedEmail = member.Email;
        _flagged++;
        var ex = new LoyaltyFraudException(member.Email);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        Activity.Current?.AddException(new OutOfStockException("VOUCHER-10")); // clean exceptions
        logger.LogWarning("Member {@Member} flagged", member); // leak TC1001 logging-objects
        logger.LogWarning("Member tier {Tier}, points {Points} flagged", member.Tier, member.Points); // clean precision-about
    }

    public void Report()
    {
        logger.LogInformation("Flagged {Count} members, last {Email}", _flagged, _lastFlaggedEmail); // leak TC1001 cross-member
        logger.LogInformation("Members with points today: {Members}", _pointsByMember.Count); // clean cross-member
        logger.LogInformation("Top members: {Members}", string.Join(",", _pointsByMember.OrderByDescending(p => p.Value).Take(3).Select(p => p.Key))); // leak TC1001 cross-member
        Activity.Current?.SetTag("loyalty.top.points", _pointsByMember.Values.DefaultIfEmpty(0).Max()); // clean cross-member
        Activity.Current?.SetTag("loyalty.member.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastFlaggedEmail ?? "")))); // leak TC1002 hashes
    }

    private string Shard(string memberNumber) => (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(memberNumber))[0] % 16).ToString(CultureInfo.InvariantCulture);

    private static string ShortHash(string memberNumber) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(memberNumber)))[..8];

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Order {OrderId} earned points for {MemberNumber}: {Points}")]
    private static partial void LogAwarded(ILogger logger, string orderId, [PrivateData] string memberNumber, int points);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Order {OrderId} credited to {MemberNumber}")]
    private static partial void LogAwardedPlain(ILogger logger, string orderId, string memberNumber);
}
