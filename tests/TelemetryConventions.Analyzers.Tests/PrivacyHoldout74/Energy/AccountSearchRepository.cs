namespace PrivacyHoldout74.Energy;

public sealed class AccountRow
{
    public required string AccountNumber { get; init; }

    public required string HolderName { get; init; }

    public required string HolderEmail { get; init; }

    public required string SupplyPostcode { get; init; }

    public required string Mpan { get; init; }

    public required string MeterSerial { get; init; }

    public required string Region { get; init; }

    public required string Tariff { get; init; }
}

public sealed record AccountCriteria(string? AccountNumber, string? Postcode, string? MeterSerial, string? Email, string? Region);

/// <summary>The contact centre's account search over the billing replica, paged by account number.</summary>
public sealed class AccountSearchRepository(
    ISqlRunner sql,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AccountSearchRepository> logger)
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(300);
    private readonly QueryPlanCache<SqlStatement> _legacyPlans = new();
    private readonly Counter<long> _agentSearches = meter.CreateCounter<long>("acctsearch.agent.searches", "{search}");
    private string? _lastSlowArgs;

    public async Task<Page<AccountRow>> SearchAsync(string agentId, AccountCriteria criteria, string? after, CancellationToken cancellationToken)
    {
        using var span = source.StartAcctsearchQuery("accounts");
        var where = new SqlWhereBuilder();
        if (criteria.AccountNumber is not null)
        {
            where.And("account_number = @account", "@account", criteria.AccountNumber);
        }
        if (criteria.Postcode is not null)
        {
            where.And("supply_postcode = @postcode", "@postcode", criteria.Postcode);
        }
        if (criteria.MeterSerial is not null)
        {
            where.And("meter_serial = @serial", "@serial", criteria.MeterSerial);
        }
        if (criteria.Email is not null)
        {
            where.And("lower(holder_email) = lower(@email)", "@email", criteria.Email);
            Activity.Current?.SetTag(AcctsearchAttributes.HolderEmail, criteria.Email); // leak TC1001 generated-api
        }
        if (criteria.Region is not null)
        {
            where.And("region = @region", "@region", criteria.Region);
        }
        if (after is not null)
        {
            where.And("account_number > @after", "@after", Cursor.Decode<string>(after));
        }
        var statement = where.Build("SELECT * FROM accounts", "account_number", 50, "account-search");

        span.SetAcctsearchQueryKind(criteria.Region is not null && where.Count == 1 ? "region" : "criteria");
        span.SetAcctsearchCursorKind(after is null ? "first" : "keyset");
        logger.LogDebug("Account search {Criteria}", criteria); // leak TC1001 logging-objects
        logger.LogDebug("Account search by {Given}", string.Join(",", statement.Args.Select(a => a.Name.TrimStart('@')))); // clean precision-names
        _agentSearches.Add(1, new KeyValuePair<string, object?>("agent", agentId)); // leak TC1003 direct
        _agentSearches.Add(1, new KeyValuePair<string, object?>("criteria.count", where.Count)); // clean precision-about

        var result = await sql.QueryAsync<AccountRow>(statement, cancellationToken);
        if (result.Elapsed > Slow)
        {
            _lastSlowArgs = string.Join("; ", statement.Args);
            logger.LogWarning("Slow statement {Digest} ({ElapsedMs} ms)", SqlNormalizer.Normalize(statement.Text), result.Elapsed.TotalMilliseconds); // clean precision-about
        }
        meter.CreateAcctsearchQueryDurationHistogram().Record(result.Elapsed.TotalMilliseconds, "accounts", acctsearchQueryKind: "criteria"); // clean precision-about
        span.SetAcctsearchResultCount(result.Rows.Count);
        if (result.Rows.Count == 1)
        {
            span.SetAcctsearchAccountId(pseudonymizer.PseudonymizeAcctsearchAccountId(result.Rows[0].AccountNumber)); // clean precision-pseudonym
            meter.CreateAcctsearchQueriesCounter().Add(1, "accounts", acctsearchOutcome: pseudonymizer.PseudonymizeAcctsearchAccountId(result.Rows[0].AccountNumber).Value); // leak TC1003 precision-pseudonym
        }

        var last = result.Rows.Count == 0 ? null : result.Rows[^1];
        var next = last is null ? null : Cursor.Encode(last.AccountNumber);
        span.SetAcctsearchNote($"next={next}"); // leak TC1001 hashes
        if (result.Rows.Count == 0 && criteria.Postcode is not null)
        {
            logger.LogAcctsearchZeroResultsEvent("accounts", acctsearchQueryKind: "postcode", acctsearchNote: $"no account at {criteria.Postcode}"); // leak TC1001 generated-api
            logger.LogAcctsearchZeroResultsEvent("accounts", acctsearchQueryKind: "postcode", acctsearchNote: $"no account in district {criteria.Postcode.Split(' ')[0]}"); // clean generated-api
        }
        return new Page<AccountRow> { Items = result.Rows, NextCursor = next };
    }

    public void ReportSlowArguments() =>
        logger.LogInformation("Arguments of the last slow statement: {Args}", _lastSlowArgs); // leak TC1001 cross-member

    /// <summary>The old billing system takes statements as text; the plan cache is keyed by that text.</summary>
    public async Task<AccountRow?> LegacyBillingLookupAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var text = "SELECT * FROM BILLING.ACCOUNT WHERE ACC_NO = '" + accountNumber + "'";
        var statement = _legacyPlans.GetOrAdd(text, t => new SqlStatement(t, Array.Empty<SqlArg>(), "billing-legacy"));
        Activity.Current?.SetTag("db.query.summary", SqlNormalizer.Normalize(text)); // clean precision-about
        logger.LogDebug("Billing plan cache holds {Count} statements", _legacyPlans.Count);
        logger.LogTrace("Billing plan cache keys {Keys}", _legacyPlans.Keys); // leak TC1001 logging-objects
        logger.LogDebug("Billing statement {Statement}", statement); // leak TC1001 logging-objects
        try
        {
            var result = await sql.QueryAsync<AccountRow>(statement, cancellationToken);
            return result.Rows.Count == 0 ? null : result.Rows[0];
        }
        catch (SqlTimeoutException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
    }
}
