namespace PrivacyHoldout96.Energy;

/// <summary>A document of the accounts index the contact centre searches.</summary>
public sealed record AccountDoc(string AccountNumber, string HolderName, string Postcode, string Mpan, bool PriorityRegister, string Region);

/// <summary>The contact centre's account search (by name, postcode, account number or MPAN) and the agents' saved searches.</summary>
[ApiController]
[Route("api/agent/accounts")]
public sealed class AccountSearchController(
    ISearchClient accounts,
    ISavedSearchStore savedSearches,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<AccountSearchController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supply.AccountSearch");
    private readonly TariffrecSearchDurationHistogram _duration = meter.CreateTariffrecSearchDurationHistogram();

    [HttpGet]
    public async Task<ActionResult> Search(string q, string agentId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTariffrecSearch(accounts.IndexName);
        span.SetTariffrecAgentId(pseudonymizer.PseudonymizeTariffrecAgentId(agentId)); // clean precision-pseudonym
        span.SetTariffrecQueryKind(QueryText.Classify(q)); // clean precision-about
        using var scope = logger.BeginScope("Agent {AgentId} searching accounts", agentId); // leak TC1001 direct
        try
        {
            var results = await accounts.SearchAsync<AccountDoc>(q, new SearchOptions { Size = 10, HighlightFields = "HolderName,Postcode" }, cancellationToken);
            span.SetTariffrecResultCount(results.Results.Count);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, accounts.IndexName); // clean generated-api
            if (results.Results.Count == 1)
            {
                var account = results.Results[0].Document;
                span.SetTariffrecAccountId(pseudonymizer.PseudonymizeTariffrecAccountId(account.AccountNumber)); // clean precision-pseudonym
                logger.LogInformation("Agent went straight to {Account}", account); // leak TC1001 logging-objects
            }
            var highlights = results.Results.SelectMany(r => r.Highlights?.Values.SelectMany(v => v) ?? Enumerable.Empty<string>()).ToList();
            logger.LogDebug("Highlights {Highlights}", highlights); // leak TC1001 logging-objects
            logger.LogDebug("{Priority} of {Total} hits on the priority register", results.Results.Count(r => r.Document.PriorityRegister), results.Results.Count); // clean precision-about
            return Ok(results.Results.Select(r => r.Document));
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            logger.LogTariffrecSearchFailedEvent(accounts.IndexName, "invalid_query", pseudonymizer.PseudonymizeTariffrecAgentId(agentId), ex.Message); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, $"search failed with {ex.Status} {ex.ErrorCode}"); // clean exceptions
            return BadRequest("Check the search text.");
        }
    }

    [HttpPost("saved")]
    public async Task<ActionResult> Save([FromBody] SavedSearch search, CancellationToken cancellationToken)
    {
        await savedSearches.SaveAsync(search, cancellationToken);
        Activity.Current?.SetTag("agent.saved_search.id", search.Id); // clean precision-names
        Activity.Current?.SetTag("agent.saved_search.frequency", search.Frequency.ToString()); // clean precision-about
        logger.LogInformation("Agent {Agent} saved search '{Name}'", pseudonymizer.ComputeTariffrecAgentId(search.OwnerId), search.Name); // leak TC1001 direct
        return Ok();
    }
}
