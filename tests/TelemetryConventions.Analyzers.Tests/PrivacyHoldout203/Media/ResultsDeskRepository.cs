namespace PrivacyHoldout203.Media;

/// <summary>A broadcaster's election night results desk: declarations from count venues, candidates and their agents.</summary>
public sealed partial class ResultsDeskRepository(
    ISectorStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<ResultsDeskRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.ResultsDesk");

    private readonly Histogram<double> _declarationLag = meter.CreateHistogram<double>("results.declaration.lag", "s");
    private readonly Counter<long> _declarations = meter.CreateCounter<long>("results.declarations");
    private readonly List<string> _agentsContacted = new();
    private string _lastWardDeclared = "";

    public async Task RecordDeclarationAsync(string countVenue, IReadOnlyList<ResultDeclaration> results, CountSummary summary, CancellationToken ct)
    {
        using var activity = Source.StartActivity("results.declaration");
        activity?.SetTag("results.venue", countVenue); // clean precision-about
        activity?.SetTag("results.election", summary.ElectionId); // clean precision-about
        activity?.SetTag("results.ward", summary.Ward); // clean precision-about
        activity?.SetTag("results.turnout", summary.Turnout); // clean precision-about
        activity?.SetTag("results.rejected_ballots", summary.Rejected); // clean precision-about
        activity?.SetTag("results.candidate_count", results.Count); // clean precision-names
        activity?.SetTag("results.winning_party", results.FirstOrDefault(r => r.Elected)?.Party); // clean precision-about
        activity?.SetTag("results.winner", results.FirstOrDefault(r => r.Elected)?.CandidateName); // leak TC1001 direct
        activity?.SetTag("results.candidates", string.Join("; ", results.Select(r => $"{r.CandidateName} ({r.Party}) {r.Votes}"))); // leak TC1001 strings
        activity?.SetTag("results.parties", string.Join(",", results.Select(r => r.Party))); // clean strings
        logger.LogInformation("Declaration {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Declaration {Parties}", results.Select(r => r.Party).ToArray()); // clean logging-objects
        logger.LogInformation("Declared {@Result}", results[0]); // leak TC1001 logging-objects

        _lastWardDeclared = summary.Ward;
        _declarations.Add(1, new KeyValuePair<string, object?>("election", summary.ElectionId)); // clean precision-about
        _declarations.Add(1, new KeyValuePair<string, object?>("winner", results.FirstOrDefault(r => r.Elected)?.CandidateName)); // leak TC1003 direct
        _declarationLag.Record(42.0, new KeyValuePair<string, object?>("venue", countVenue)); // clean precision-about

        using var span = Source.StartResultsdeskOperation(countVenue)
            .SetResultsdeskElection(summary.ElectionId) // clean generated-api
            .SetResultsdeskItems(results.Count); // clean generated-api
        span.SetResultsdeskNote($"{results.Count} candidates, turnout {summary.Turnout:P1}"); // clean generated-api
        span.SetResultsdeskOutcome(results.First(r => r.Elected).CandidateName); // leak TC1001 generated-api

        await store.SaveAsync(summary, ct);
    }

    public void ContactAgent(Candidate candidate)
    {
        using var activity = Source.StartActivity("results.contact_agent");
        activity?.SetTag("candidate.id", candidate.CandidateId); // leak TC1001 direct
        activity?.SetTag("candidate.party", candidate.Party); // clean precision-about
        activity?.SetTag("candidate.ward", candidate.Ward); // clean precision-names
        activity?.SetTag("agent.email", candidate.AgentEmail); // leak TC1001 direct
        activity?.SetTag("agent.email_domain", candidate.AgentEmail.Split('@').Last()); // clean precision-about
        activity?.SetTag("candidate.home_address", candidate.HomeAddress); // leak TC1001 direct
        activity?.SetTag("candidate.pseudonym", pseudonymizer.ComputeResultsdeskElectorId(candidate.CandidateId)); // clean precision-pseudonym

        _agentsContacted.Add(candidate.AgentName);
        logger.LogInformation("Contacting agent for {Candidate}", candidate); // leak TC1001 logging-objects
        LogAgentContacted(logger, candidate.CandidateId, candidate.AgentName); // clean logging-objects
        LogAgentEmail(logger, candidate.AgentEmail); // leak TC1001 logging-objects

        var agentCacheKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(candidate.AgentEmail)));
        activity?.SetTag("agent.cache_key", agentCacheKey); // leak TC1002 hashes
        activity?.SetTag("agent.partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(candidate.AgentEmail))[0]); // clean hashes
    }

    public void RecordNomination(NominationPaper paper)
    {
        using var activity = Source.StartActivity("results.nomination");
        activity?.SetTag("nomination.paper_id", paper.PaperId); // clean precision-about
        activity?.SetTag("nomination.subscribers", paper.Subscribers); // clean precision-about
        activity?.SetTag("nomination.proposer", paper.ProposerElectorNumber); // leak TC1001 direct
        logger.LogInformation("Nomination {Paper}", paper); // clean logging-objects
        logger.LogInformation("Nomination {@Paper}", paper); // leak TC1001 logging-objects
    }

    public void ReportNight()
    {
        using var activity = Source.StartActivity("results.night");
        activity?.SetTag("results.last_ward", _lastWardDeclared); // clean cross-member
        activity?.SetTag("results.agents_contacted", _agentsContacted.Count); // clean cross-member
        activity?.SetTag("results.agent_names", string.Join(",", _agentsContacted)); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Agent {AgentName} contacted for candidate {CandidateId}")]
    private static partial void LogAgentContacted(ILogger logger, [PrivateData] string candidateId, [PrivateData] string agentName);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Agent mailbox {AgentEmail}")]
    private static partial void LogAgentEmail(ILogger logger, string agentEmail);
}
