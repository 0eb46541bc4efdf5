namespace PrivacyHoldout159.Media;

// Publishes declared results to the council website and the local broadcasters' feed on election night.
public sealed class ElectionNightResultsFeed(ILogger<ElectionNightResultsFeed> logger, ActivitySource source, Meter meter)
{
    private readonly Counter<long> votesCounted = meter.CreateCounter<long>("election.votes.counted");
    private readonly Histogram<double> declarationDelay = meter.CreateHistogram<double>("election.declaration.delay");
    private CountResult? lastDeclared;

    public void Declare(string ward, IReadOnlyList<CountResult> results, StationTurnout turnout, double minutesLate)
    {
        using var span = source.StartElectionnightOperation(ward);
        span.SetElectionnightItemCount(results.Count); // clean generated-api
        var winner = results.MaxBy(r => r.Votes)!;
        lastDeclared = winner;
        Activity.Current?.SetTag("election.ward", ward); // clean precision-about
        Activity.Current?.SetTag("election.winner.ballot_name", winner.CandidateBallotName); // clean precision-names
        Activity.Current?.SetTag("election.winner.party", winner.Party); // clean precision-about
        Activity.Current?.SetTag("election.turnout", (double)turnout.Issued / turnout.Electorate); // clean precision-about
        logger.LogInformation("Result declared {@Winner}", winner); // clean logging-objects
        logger.LogInformation("Turnout at {@Turnout}", turnout); // clean logging-objects
        span.SetElectionnightNote($"{winner.CandidateBallotName} ({winner.Party}) elected with {winner.Votes} votes"); // clean generated-api
        foreach (var result in results)
        {
            votesCounted.Add(result.Votes, new KeyValuePair<string, object?>("ward", ward), new KeyValuePair<string, object?>("party", result.Party)); // clean precision-about
        }

        declarationDelay.Record(minutesLate, new KeyValuePair<string, object?>("ward", ward)); // clean precision-about
        meter.CreateElectionnightRequestsCounter().Add(1, electionnightWard: ward, electionnightOutcome: "declared"); // clean generated-api
    }

    public void Recount(string ward, string requestedByAgentEmail)
    {
        logger.LogWarning("Recount requested in {Ward} by agent {Agent}", ward, requestedByAgentEmail); // leak TC1001 direct
        logger.LogWarning("Recount requested in {Ward}; last declared {Candidate}", ward, lastDeclared?.CandidateBallotName); // clean cross-member
        Activity.Current?.SetTag("election.recount.agent_domain", requestedByAgentEmail[(requestedByAgentEmail.IndexOf('@') + 1)..]); // clean precision-about
    }
}
