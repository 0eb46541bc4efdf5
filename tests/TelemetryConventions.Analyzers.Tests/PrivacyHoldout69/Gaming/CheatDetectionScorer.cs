using System.Net;

namespace PrivacyHoldout69.Gaming;

/// <summary>One player's aim statistics from a finished match, as the match server reports them.</summary>
public sealed record PlayerMatchStats(
    string MatchId,
    Guid PlayerId,
    string Gamertag,
    string Queue,
    double HeadshotRatio,
    double MedianReactionMs,
    double SnapAngleVariance,
    int Kills,
    IPAddress ClientAddress);

/// <summary>
/// Scores every player of a finished ranked match with the aim-assist detector. Over 0.95 the player
/// is kicked from the next match, over 0.8 the match goes to a human reviewer; one clean match in
/// ten is also sampled for review so the detector's precision can be measured.
/// </summary>
public sealed class CheatDetectionScorer(
    IScoringClient scoring,
    Pseudonymizer pseudonymizer,
    ILogger<CheatDetectionScorer> logger)
{
    private const string ModelVersion = "aimbot-gbt-41";
    private static readonly ActivitySource Source = new("Game.Integrity.Aim");
    private static readonly Meter Meter = new("Game.Integrity.Aim");
    private readonly IntegrityVerdictsCounter _verdicts = Meter.CreateIntegrityVerdictsCounter();

    public async Task ScoreMatchAsync(IReadOnlyList<PlayerMatchStats> players, CancellationToken ct)
    {
        using var match = Source.StartActivity("integrity.match");
        match?.SetTag("game.match.id", players[0].MatchId); // clean precision-names
        match?.SetTag("integrity.player_count", players.Count); // clean precision-names

        var kicked = new List<PlayerMatchStats>();
        foreach (var player in players)
        {
            using var span = Source.StartIntegrityScore(ModelVersion)
                .SetIntegrityPlayerId(pseudonymizer.PseudonymizeIntegrityPlayerId(player.PlayerId.ToString())) // clean precision-pseudonym
                .SetIntegrityQueue(player.Queue); // clean precision-about

            var inputs = new Dictionary<string, object?>
            {
                ["headshot_ratio"] = player.HeadshotRatio,
                ["median_reaction_ms"] = player.MedianReactionMs,
                ["snap_angle_var"] = player.SnapAngleVariance,
                ["kills"] = player.Kills,
            };
            logger.LogDebug("Detector inputs for {Queue}: {Inputs}", player.Queue, inputs); // clean logging-objects
            logger.LogDebug("Detector request from {ClientAddress}", player.ClientAddress); // leak TC1001 direct
            span.Activity?.SetTag("client.network", string.Join('.', player.ClientAddress.GetAddressBytes().Take(2)) + ".0.0/16"); // clean precision-about

            ScoringResponse response;
            try
            {
                response = await scoring.ScoreAsync(new ScoringRequest("aim-detector", inputs) { Explain = true }, ct);
            }
            catch (ScoringException ex)
            {
                span.RecordException(ex, includeMessage: true).SetIntegrityOutcome("fallback:rules"); // clean exceptions
                continue;
            }

            IntegrityVerdict verdict = response.Score > 0.95 ? IntegrityVerdict.Kick : response.Score > 0.8 ? IntegrityVerdict.Review : IntegrityVerdict.Clean;
            span.SetIntegrityVerdict(verdict).SetIntegrityOutcome("scored"); // clean generated-api
            _verdicts.Add(1, verdict, player.Queue); // clean generated-api
            var explanation = string.Join(", ", response.TopFeatures.Take(3).Select(f => $"{f.Feature}={f.Value:0.###}"));

            if (verdict == IntegrityVerdict.Clean)
            {
                // One clean player in ten goes to review too, to measure the detector's precision.
                var sampled = player.PlayerId.GetHashCode() % 10 == 0;
                span.Activity?.SetTag("integrity.precision_sample", sampled); // leak TC1002 hashes
                continue;
            }

            _verdicts.Add(1, verdict, player.Queue, pseudonymizer.PseudonymizeIntegrityPlayerId(player.PlayerId.ToString())); // leak TC1003 precision-pseudonym
            logger.LogIntegrityFlaggedEvent(verdict, pseudonymizer.PseudonymizeIntegrityPlayerId(player.PlayerId.ToString()), explanation); // clean generated-api
            logger.LogIntegrityFlaggedEvent(verdict, integrityNote: $"{player.Gamertag}: {explanation}"); // leak TC1001 generated-api
            span.Activity?.SetTag(IntegrityAttributes.PlayerGamertag, pseudonymizer.Compute("integrity.gamertag", player.Gamertag)); // leak TC1001 precision-pseudonym
            if (verdict == IntegrityVerdict.Kick)
            {
                kicked.Add(player);
            }
        }

        if (kicked.Count > 0)
        {
            logger.LogWarning("Kicking {Count} players: {Gamertags}", kicked.Count, kicked.Select(k => k.Gamertag).ToArray()); // leak TC1001 logging-objects
            match?.SetTag("integrity.kicked", kicked.Count);
            match?.SetTag("integrity.summary", $"{players.Count} scored, {kicked.Count} kicked by {ModelVersion}"); // clean strings
        }
    }
}
