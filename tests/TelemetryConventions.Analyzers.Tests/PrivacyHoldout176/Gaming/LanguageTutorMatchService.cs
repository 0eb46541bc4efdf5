namespace PrivacyHoldout176.Gaming;

/// <summary>Matches players who learn a language with volunteer tutors in the game's language guild (gRPC).</summary>
public sealed class LanguageTutorMatchService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LanguageTutorMatchService> logger)
{
    private static readonly ActivitySource Source = new("Studio.LanguageGuild");
    private static readonly Meter Meter = new("Studio.LanguageGuild");
    private readonly RealmlocaleOperationsCounter _operations = Meter.CreateRealmlocaleOperationsCounter();

    public Task<string> MatchAsync(string playerId, string tutorPlayerId, string language, ServerCallContext context)
    {
        using var span = Source.StartRealmlocaleOperation("language-guild");
        span.SetRealmlocaleLearnerId(pseudonymizer.PseudonymizeRealmlocaleLearnerId(playerId)); // clean generated-api
        span.SetRealmlocaleInterpreterId(pseudonymizer.PseudonymizeRealmlocaleInterpreterId(tutorPlayerId)); // clean generated-api
        span.SetRealmlocaleLanguage(language); // clean generated-api
        span.SetRealmlocaleNote($"{playerId} matched with {tutorPlayerId}"); // leak TC1001 generated-api

        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("tutor.player_id", tutorPlayerId); // leak TC1001 direct
        var pair = Pair(playerId, tutorPlayerId);
        Activity.Current?.SetTag("match.pair", pair); // leak TC1001 cross-member
        Activity.Current?.SetTag("match.pair_hash", HashCode.Combine(playerId, tutorPlayerId)); // leak TC1002 hashes
        Activity.Current?.SetTag("match.shard", Shard(playerId)); // clean hashes

        if (playerId == tutorPlayerId)
        {
            var ex = new RpcException("InvalidArgument", $"Player {playerId} cannot tutor themselves");
            span.RecordException(ex); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogRealmlocaleOperationFailedEvent("language-guild", "self-match", pseudonymizer.PseudonymizeRealmlocaleLearnerId(playerId)); // clean generated-api
            throw ex;
        }

        _operations.Add(1, "language-guild", "matched"); // clean generated-api
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>("realmlocale.site", "language-guild"), new KeyValuePair<string, object?>("tutor", pseudonymizer.Compute("interpreter", tutorPlayerId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Matched a {Language} learner in {Method}", language, context.Method); // clean precision-names
        return Task.FromResult(pair);
    }

    private static string Pair(string playerId, string tutorPlayerId) => playerId + ":" + tutorPlayerId;

    private int Shard(string playerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(playerId))[0] % 32;
    }
}
