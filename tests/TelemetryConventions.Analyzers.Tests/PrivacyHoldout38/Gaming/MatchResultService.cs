using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout38.Gaming;

public sealed class MatchResultService(ActivitySource source, ILogger<MatchResultService> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Histogram<int> _scores = meter.CreateHistogram<int>("match.score");

    public void Complete(MatchId matchId, string mode, IReadOnlyList<Standing> standings)
    {
        using var activity = source.StartActivity("match.complete");
        activity.Tag(("match.id", matchId.Value), ("match.mode", mode), ("match.players", standings.Count)); // clean cross-member

        if (standings is [var winner, .., var last])
        {
            activity.Tag(("match.winner", winner.Gamertag), ("match.margin", winner.Score - last.Score)); // leak TC1001 cross-member
            activity?.SetTag("match.winner_ref", pseudonymizer.ComputePartyRef(winner.PlayerId.Value.ToString("N"))); // clean precision-pseudonym
            logger.LogInformation("Match {MatchId} won by {Winner}", matchId.Value, winner.PlayerId); // leak TC1001 direct
        }

        string[] podium = [.. standings.Podium];
        logger.LogInformation("Podium of {MatchId}: {Podium}", matchId.Value, podium); // leak TC1001 logging-objects
        int[] podiumScores = [.. standings.OrderByDescending(s => s.Score).Take(3).Select(s => s.Score)];
        logger.LogInformation("Podium scores of {MatchId}: {Scores}, best {Best}", matchId.Value, podiumScores, standings.TopScore); // clean logging-objects

        foreach (var standing in standings)
        {
            _scores.Record(standing.Score, new KeyValuePair<string, object?>("match.mode", mode)); // clean direct
            _scores.Record(standing.Score, new KeyValuePair<string, object?>("player.gamertag", standing.Gamertag)); // leak TC1003 direct
        }

        var sampled = standings.Where(s => (s.PlayerId.Value.ToString().GetHashCode() & 31) == 0).ToList();
        activity?.SetTag("match.replay_bucket", standings.Select(s => s.PlayerId.Value.ToString().GetHashCode() & 31).FirstOrDefault()); // leak TC1002 hashes
        activity?.SetTag("match.replay_sampled", sampled.Count); // clean precision-about

        var lobbyKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join(",", standings.Select(s => s.Gamertag)))))[..12];
        logger.LogDebug("Lobby key {LobbyKey}", lobbyKey); // leak TC1002 hashes
    }
}
