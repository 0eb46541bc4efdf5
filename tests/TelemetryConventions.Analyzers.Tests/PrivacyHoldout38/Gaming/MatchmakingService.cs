namespace PrivacyHoldout38.Gaming;

public sealed class MatchmakingService(ActivitySource source, ILogger<MatchmakingService> logger, Pseudonymizer pseudonymizer)
{
    public MatchId Queue(MatchId matchId, int capacity, params IReadOnlyList<PlayerSession> party)
    {
        using var span = source.StartOperationRun("matchmaking");
        span.SetOperationItems(party.Count); // clean generated-api
        span.SetPartyRole("player"); // clean precision-names

        if (party is [var leader, ..])
        {
            span.SetPartyRef(pseudonymizer.PseudonymizePartyRef(leader.PlayerId.Value.ToString("N"))); // clean precision-pseudonym
            span.SetPartyNote($"party led by {leader.Gamertag}"); // leak TC1001 generated-api
        }

        try
        {
            if (party.Count > capacity)
            {
                throw new MatchFullException(matchId, capacity);
            }

            foreach (var member in party)
            {
                if (member.Ping > 250)
                {
                    throw new CheatDetectedException(member.Gamertag, $"ping {member.Ping} with perfect accuracy");
                }
            }
        }
        catch (MatchFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        catch (CheatDetectedException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.AddPartyFlaggedEvent("anti-cheat review", partyRole: "player"); // clean generated-api
            logger.LogWarning("Anti-cheat review opened: {Message}", ex.Message); // leak TC1001 exceptions
        }

        return matchId;
    }
}
