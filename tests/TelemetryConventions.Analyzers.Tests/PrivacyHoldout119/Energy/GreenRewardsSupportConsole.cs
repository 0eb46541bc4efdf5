namespace PrivacyHoldout119.Energy;

/// <summary>What an agent of the customer service console asks about a household's green rewards.</summary>
public sealed record ConsoleLookup(string AccountNumber, string HolderName, string HolderEmail, string AgentStaffId, string Reason);

/// <summary>The customer service console's green rewards tab: balance, ledger history and a goodwill credit.</summary>
public sealed class GreenRewardsSupportConsole(IPointsLedger ledger, Pseudonymizer pseudonymizer, ILogger<GreenRewardsSupportConsole> logger)
{
    private const string Programme = "green-rewards";
    private static readonly ActivitySource Source = new("Supplier.GreenRewards.Console");
    private static readonly Meter Meter = new("Supplier.GreenRewards.Console");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("greenrwd.console.lookups");
    private readonly ConcurrentDictionary<string, string> _openCases = new();
    private string? _lastHolder;

    public async Task<IReadOnlyList<LedgerEntry>> HistoryAsync(ConsoleLookup lookup, CancellationToken cancellationToken)
    {
        _lastHolder = lookup.HolderName;
        _openCases[lookup.AgentStaffId] = lookup.AccountNumber;
        using var span = Source.StartGreenrwdAccrue(Programme)
            .SetGreenrwdAgentId(pseudonymizer.PseudonymizeGreenrwdAgentId(lookup.AgentStaffId)) // clean precision-pseudonym
            .SetGreenrwdNote($"console lookup, reason {lookup.Reason}"); // clean strings
        Lookups.Add(1, new KeyValuePair<string, object?>("reason", lookup.Reason)); // clean precision-names
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var entries = await ledger.EntriesAsync(lookup.AccountNumber, to.AddMonths(-12), to, cancellationToken);
        span.SetGreenrwdEntryCount(entries.Count); // clean precision-about
        logger.LogInformation("History for {Holder} <{Email}>: {Count} entries", lookup.HolderName, lookup.HolderEmail, entries.Count); // leak TC1001 direct
        logger.LogDebug("Entries {Entries}", string.Join(";", entries.Select(e => $"{e.EntryId}:{e.Delta}:{e.Reason}"))); // clean strings
        logger.LogDebug("Entries {Entries}", entries); // leak TC1001 logging-objects
        logger.LogDebug("Sources {Sources}", string.Join(",", entries.Select(e => e.Source).Distinct())); // clean precision-names
        span.Activity?.SetTag("greenrwd.lookup", string.Concat("acct-", lookup.AccountNumber, "-", lookup.Reason)); // leak TC1001 strings
        return entries;
    }

    public async Task<PostingResult> GoodwillAsync(string agentStaffId, int points, CancellationToken cancellationToken)
    {
        var account = _openCases.GetValueOrDefault(agentStaffId) ?? throw new InvalidOperationException("No open case for the agent");
        using var span = Source.StartGreenrwdAccrue(Programme).SetGreenrwdCampaign("goodwill").SetGreenrwdPoints(points);
        span.Activity?.SetTag("greenrwd.goodwill.account", account); // leak TC1001 cross-member
        span.Activity?.SetTag("greenrwd.goodwill.holder", _lastHolder); // leak TC1001 cross-member
        span.Activity?.SetTag("greenrwd.goodwill.open_cases", _openCases.Count); // clean cross-member
        var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"goodwill:{Guid.NewGuid():N}", MemberNumber = account, Points = points, Reason = "goodwill", Source = "console" }, cancellationToken);
        logger.LogInformation("Goodwill {Points} posted as {EntryId} for {Account}", points, posting.EntryId, pseudonymizer.ComputeGreenrwdMemberId(account)); // clean precision-pseudonym
        Lookups.Add(0, new KeyValuePair<string, object?>("household", pseudonymizer.ComputeGreenrwdMemberId(account))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("greenrwd.goodwill.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account)))[..16]); // leak TC1002 hashes
        return posting;
    }
}
