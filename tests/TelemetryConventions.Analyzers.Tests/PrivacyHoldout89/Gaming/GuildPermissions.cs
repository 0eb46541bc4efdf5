namespace PrivacyHoldout89.Gaming;

/// <summary>
/// Guild roles live in the relationship store:
/// <c>type guild relations define leader: [player]; define officer: [player] or leader; define member: [player] or officer;
/// define can_kick: officer; define can_edit_bank: leader</c>.
/// </summary>
public sealed class GuildPermissions(IOpenFgaClient fga, TelemetrySecrets secrets, ActivitySource source, Meter meter, ILogger<GuildPermissions> logger, Pseudonymizer pseudonymizer)
{
    public async Task PromoteAsync(string guildId, Guid leaderId, Guid playerId, CancellationToken cancellationToken)
    {
        using var span = source.StartArenaauthzRelationCheck("leader", "guild");
        span.SetArenaauthzActorId(pseudonymizer.PseudonymizeArenaauthzActorId(leaderId.ToString())); // clean precision-pseudonym
        var allowed = await fga.Check(new ClientCheckRequest { User = $"player:{leaderId}", Relation = "leader", Object = $"guild:{guildId}" }, cancellationToken: cancellationToken);
        if (allowed.Allowed != true)
        {
            span.SetArenaauthzDecision("deny");
            logger.LogWarning("Promotion in guild {GuildId} refused: caller is not its leader ({Resolution})", guildId, allowed.Resolution); // clean precision-names
            return;
        }

        var write = new ClientWriteRequest
        {
            Writes = { new ClientTupleKey($"player:{playerId}", "officer", $"guild:{guildId}") },
            Deletes = { new ClientTupleKey($"player:{playerId}", "member", $"guild:{guildId}") },
        };
        try
        {
            var written = await fga.Write(write, cancellationToken);
            span.SetArenaauthzDecision("allow");
            logger.LogInformation("Guild {GuildId} tuples written: {@Written}", guildId, written); // clean logging-objects
            logger.LogInformation("Guild tuples written: {Tuples}", string.Join(", ", written.Writes)); // leak TC1001 strings
            logger.LogInformation("Guild {GuildId}: {Writes} writes, {Deletes} deletes", guildId, written.Writes.Count, written.Deletes.Count); // clean precision-about
            logger.LogInformation($"Guild {guildId} now has a new officer (model {fga.StoreId})"); // clean strings
        }
        catch (FgaApiValidationError ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError("Tuple write refused: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogError("Tuple write refused with {Code} (status {Status})", ex.ApiErrorCode, ex.StatusCode); // clean exceptions
        }
    }

    public async Task<IReadOnlyList<string>> GuildsLedByAsync(Guid playerId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await fga.ListObjects(new ClientListObjectsRequest { User = $"player:{playerId}", Relation = "leader", Type = "guild" }, cancellationToken: cancellationToken);
        meter.CreateArenaauthzCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, arenaauthzResourceType: "guild"); // clean precision-about
        logger.LogDebug("Player leads guilds {Guilds}", response.Objects); // clean precision-names
        logger.LogDebug("Guild lookup for {Player}", $"player:{playerId}"); // leak TC1001 strings
        var shard = HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] & 15;
        Activity.Current?.SetTag("arenaauthz.fga.shard", shard); // clean hashes
        var fingerprint = Convert.ToHexString(MD5.HashData(playerId.ToByteArray()))[..10];
        Activity.Current?.SetTag("arenaauthz.fga.caller", fingerprint); // leak TC1002 hashes
        return response.Objects;
    }
}
