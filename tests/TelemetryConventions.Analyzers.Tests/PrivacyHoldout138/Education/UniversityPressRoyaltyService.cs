namespace PrivacyHoldout138.Education;

/// <summary>An academic author of the university press: staff number, name and the works they hold rights in.</summary>
public sealed record PressAuthor(string StaffNumber, string Name, string Email, string Department, IReadOnlyList<string> WorkIds);

public sealed class UniversityPressRoyaltyService(
    IPayoutClient payouts,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<UniversityPressRoyaltyService> logger)
{
    private readonly Counter<long> _statements = meter.CreateCounter<long>("unipress.royalty.statements", "{statement}");
    private readonly Dictionary<string, decimal> _unpaidByAuthor = new();

    public async Task RunAsync(string period, IReadOnlyList<PressAuthor> authors, IReadOnlyList<RoyaltyStatement> statements, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuspressPublish($"royalties-{period}").SetCampuspressSection("royalties"); // clean precision-names
        span.SetCampuspressItemCount(statements.Count); // clean precision-about
        span.SetCampuspressAmount((double)statements.Sum(s => s.Royalty)); // clean precision-about

        foreach (var statement in statements)
        {
            _statements.Add(1, new KeyValuePair<string, object?>("period", statement.Period)); // clean precision-names
            logger.LogDebug("Statement {StatementId} for work {WorkId}: {Units} units", statement.StatementId, statement.WorkId, statement.UnitsSold); // clean precision-names
            logger.LogDebug("Statement {Statement}", statement); // leak TC1001 logging-objects
        }

        var lines = statements.GroupBy(s => s.PayeeId).Select(g => new PayoutLine(g.Key, g.Sum(s => s.Royalty), "GBP", period)).ToList();
        var below = lines.Where(l => l.Amount < 10m).ToList();
        foreach (var line in below)
        {
            _unpaidByAuthor[line.PayeeId] = line.Amount;
        }

        logger.LogInformation("{Count} authors below the payment threshold carried forward", below.Count); // clean precision-about
        logger.LogInformation("Carried forward: {Authors}", string.Join(",", below.Select(l => l.PayeeId))); // leak TC1001 strings

        try
        {
            var result = await payouts.SubmitAsync(new PayoutBatch($"unipress-{period}", period, lines.Except(below).ToList(), lines.Sum(l => l.Amount)), cancellationToken);
            logger.LogInformation("Royalty batch {Result}", result); // clean logging-objects
        }
        catch (PayoutRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetCampuspressOutcome(ex.Reason); // clean exceptions
            var author = authors.FirstOrDefault(a => a.StaffNumber == ex.PayeeId);
            logger.LogWarning("Payee rejected; author department {Department}", author?.Department); // clean precision-about
            logger.LogWarning("Payee rejected; tell {AuthorEmail}", author?.Email); // leak TC1001 direct
        }
    }

    public void ReportCarriedForward()
    {
        foreach (var (staffNumber, amount) in _unpaidByAuthor)
        {
            Activity.Current?.AddEvent(new ActivityEvent("royalty.carried", tags: new ActivityTagsCollection { ["author"] = staffNumber, ["amount"] = (double)amount })); // leak TC1001 cross-member
            var lane = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(staffNumber))[0] % 4;
            Activity.Current?.SetTag("royalty.lane", lane); // clean hashes
        }

        Activity.Current?.SetTag("royalty.carried.count", _unpaidByAuthor.Count); // clean precision-about
        Activity.Current?.SetTag("royalty.carried.total", (double)_unpaidByAuthor.Values.Sum()); // clean precision-about
    }
}
