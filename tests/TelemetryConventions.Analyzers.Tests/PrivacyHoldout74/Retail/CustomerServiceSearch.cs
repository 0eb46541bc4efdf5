namespace PrivacyHoldout74.Retail;

public sealed class CustomerRow
{
    public required string CustomerNumber { get; init; }

    public required string Email { get; init; }

    public required string FamilyName { get; init; }

    public required string Postcode { get; init; }

    public string? LoyaltyCard { get; init; }

    public required string Tier { get; init; }
}

public sealed record CustomerCursor(string Email, string CustomerNumber);

/// <summary>
/// The customer service back office: agents find customers with an OData $filter (CustomerNumber,
/// Email, FamilyName, Postcode, LoyaltyCard, Tier), paged by email; and the store reports.
/// </summary>
public sealed class CustomerServiceSearch(
    IReadStore<CustomerRow> customers,
    ISearchClient search,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CustomerServiceSearch> logger)
{
    public async Task<Page<CustomerRow>?> FindAsync(string agentId, ODataQueryOptions options, CancellationToken cancellationToken)
    {
        using var span = source.StartShopsearchQuery("Customers");
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["agent.ref"] = pseudonymizer.Pseudonymize("agent", agentId).Value, ["odata.top"] = options.Top }); // clean precision-pseudonym
        FilterClause clause;
        try
        {
            clause = options.Filter?.FilterClause ?? FilterParser.Parse("Tier ne 'closed'");
        }
        catch (ODataFilterParseException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogInformation("Customer filter rejected at position {Position}", ex.Position); // clean exceptions
            return null;
        }
        span.SetShopsearchQueryKind(string.Join("+", clause.Properties)); // clean generated-api
        Activity.Current?.SetTag("odata.filter.parsed", clause.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("odata.filter.shape", clause.Shape); // clean precision-about

        var email = clause.Constants.OfType<string>().FirstOrDefault(c => c.Contains('@', StringComparison.Ordinal));
        if (email is not null)
        {
            Activity.Current?.SetTag(ShopsearchAttributes.CustomerEmail, pseudonymizer.Pseudonymize("customer.email", email).Value); // leak TC1001 precision-pseudonym
            Activity.Current?.SetTag("customer.email.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        }

        Expression<Func<CustomerRow, bool>> predicate = c => c.Tier != "closed";
        foreach (var (property, value) in Equalities(clause.Root))
        {
            predicate = predicate.And(Predicates.Equal<CustomerRow>(property, value));
        }
        var after = options.SkipToken is null ? null : Cursor.Decode<CustomerCursor>(options.SkipToken);
        if (after is not null)
        {
            var lastEmail = after.Email;
            predicate = predicate.And(c => string.Compare(c.Email, lastEmail) > 0);
        }
        var rows = await customers.WhereAsync(predicate, options.Top ?? 20, cancellationToken);
        var next = rows.Count == 0 ? null : Cursor.Encode(new CustomerCursor(rows[^1].Email, rows[^1].CustomerNumber));
        span.SetShopsearchNote($"page of {rows.Count}, next {next}"); // leak TC1001 hashes
        span.SetShopsearchResultCount(rows.Count);
        logger.LogInformation("Customer search returned tiers {Tiers}", rows.GroupBy(r => r.Tier).Select(g => new Bucket(g.Key, g.Count()))); // clean logging-objects
        logger.LogInformation("Customer search returned {Customers}", rows.Select(r => r.CustomerNumber)); // leak TC1001 logging-objects
        return new Page<CustomerRow> { Items = rows, NextCursor = next };
    }

    public async Task ReportTopSpendersAsync(string storeId, CancellationToken cancellationToken)
    {
        var query = new
        {
            size = 0,
            query = new { term = new { store_id = storeId } },
            aggs = new
            {
                by_customer = new { terms = new { field = "customer_number", size = 10, order = new { spend = "desc" } }, aggs = new { spend = new { sum = new { field = "total" } } } },
                by_category = new { terms = new { field = "category" } },
            },
        };
        logger.LogDebug("Top spenders query {Query}", QueryDsl.ToJson(query)); // clean precision-about
        var response = await search.SearchAsync<object>("orders", query, cancellationToken);
        var byCustomer = response.Aggregations["by_customer"];
        logger.LogInformation("Top spenders at {Store}: {Buckets}", storeId, byCustomer); // leak TC1001 logging-objects
        logger.LogInformation("Orders by category at {Store}: {Buckets}", storeId, response.Aggregations["by_category"]); // clean logging-objects
        Activity.Current?.SetTag("top_spenders.keys", string.Join(",", byCustomer.Select(b => b.Key))); // leak TC1001 direct
        var fingerprints = byCustomer.Select(b => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(b.Key)))[..12]);
        logger.LogInformation("Top spender fingerprints {Fingerprints}", string.Join(",", fingerprints)); // leak TC1002 hashes
        var lanes = byCustomer.Select(b => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(b.Key))[0] % 8);
        logger.LogInformation("Top spender lanes {Lanes}", string.Join(",", lanes)); // clean hashes
        Activity.Current?.SetTag("top_spenders.count", byCustomer.Count); // clean precision-about
    }

    private static IEnumerable<(string Property, object? Value)> Equalities(FilterNode node) => node switch
    {
        BinaryNode { Operator: "and" } and => Equalities(and.Left).Concat(Equalities(and.Right)),
        BinaryNode { Operator: "eq", Left: PropertyNode p, Right: ConstantNode c } => [(p.Path, c.Value)],
        _ => [],
    };
}
