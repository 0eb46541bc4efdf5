namespace PrivacyHoldout98.Gaming;

/// <summary>
/// The studio's GM tools: a game master looks a player up by gamertag or account id, spectates as the player,
/// grants compensation items after an outage, and bans in bulk after a cheating wave.
/// </summary>
public sealed class GmToolsService(
    ISupportDirectory directory,
    IImpersonationService impersonation,
    IBulkEditor bulk,
    IAdminAuditLog audit,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GmToolsService> logger)
{
    private static readonly ActivitySource Source = new("Studio.GmTools");
    private static readonly Meter Meter = new("Studio.GmTools");
    private static readonly Counter<long> Grants = Meter.CreateCounter<long>("gmtools.grants");
    private readonly GmtoolsAdminActionsCounter _actions = Meter.CreateGmtoolsAdminActionsCounter();

    public async Task<SearchHit?> FindPlayerAsync(StaffPrincipal gm, string gamertagOrId)
    {
        using var span = Source.StartGmtoolsAdminAction("lookup", "player");
        var byId = Guid.TryParse(gamertagOrId, out _);
        span.Activity?.SetTag("gmtools.lookup.by", byId ? "account_id" : "gamertag"); // clean precision-names
        span.Activity?.SetTag("gmtools.lookup.gamertag", byId ? null : gamertagOrId); // leak TC1001 direct
        var hits = await directory.SearchAsync(new CustomerSearch(gamertagOrId, byId ? "account_id" : "gamertag", Limit: 5));
        var best = hits.OrderByDescending(h => h.Score).FirstOrDefault();
        if (best is null)
        {
            logger.LogInformation("GM lookup found nothing ({Length} characters)", gamertagOrId.Length); // clean precision-about
            return null;
        }
        span.SetGmtoolsPlayerId(pseudonymizer.PseudonymizeGmtoolsPlayerId(best.RecordId)); // clean precision-pseudonym
        logger.LogInformation("GM {Gm} opened player {Hit}", gm.DisplayName, best); // leak TC1001 logging-objects
        logger.LogInformation("GM lookup matched on {MatchedOn} with score {Score:F2}", best.MatchedOn, best.Score); // clean precision-names
        return best;
    }

    public async Task SpectateAsync(StaffPrincipal gm, string playerId, string matchId)
    {
        using var span = Source.StartGmtoolsImpersonation("spectate").SetGmtoolsCaseId(matchId); // clean generated-api
        span.SetGmtoolsOperatorId(pseudonymizer.PseudonymizeGmtoolsOperatorId(gm.StaffId)); // clean precision-pseudonym
        span.SetGmtoolsPlayerId(pseudonymizer.PseudonymizeGmtoolsPlayerId(playerId)); // clean precision-pseudonym
        try
        {
            var session = await impersonation.StartAsync(gm, new ImpersonationRequest(playerId, "spectate", matchId));
            span.Activity?.SetTag("gmtools.spectate.match", matchId); // clean precision-names
            span.Activity?.SetTag("gmtools.spectate.sub", session.Claims["sub"]); // leak TC1001 cross-member
            span.SetGmtoolsOutcome("watching"); // clean generated-api
        }
        catch (ImpersonationExpiredException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Spectate session {SessionId} expired", ex.SessionId); // clean exceptions
        }
        catch (ImpersonationDeniedException ex)
        {
            span.SetGmtoolsNote(ex.Message); // leak TC1001 generated-api
            _actions.Add(1, "spectate", "denied"); // clean generated-api
        }
    }

    public void GrantCompensation(StaffPrincipal gm, string incidentId, string itemSku, IReadOnlyList<string> playerIds)
    {
        using var span = Source.StartGmtoolsAdminAction("grant", "inventory").SetGmtoolsCaseId(incidentId).SetGmtoolsBulkSize(playerIds.Count); // clean generated-api
        span.Activity?.SetTag("gmtools.grant.sku", itemSku); // clean precision-names
        foreach (var playerId in playerIds)
        {
            Grants.Add(1, new KeyValuePair<string, object?>("sku", itemSku), new KeyValuePair<string, object?>("incident", incidentId)); // clean precision-names
            Grants.Add(1, new KeyValuePair<string, object?>("player", playerId)); // leak TC1003 direct
        }
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var sample = playerIds.Take(3).Select(p => Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(p)))[..6]);
        logger.LogInformation("Granted {Sku} to {Count} players, sample shards {Shards}", itemSku, playerIds.Count, string.Join(",", sample)); // clean hashes
        var cohort = playerIds.Select(p => HashCode.Combine(p, incidentId) & 0xFF).Distinct().Count();
        logger.LogInformation("Grant {Incident} spread over {Cohorts} cohorts", incidentId, cohort); // clean precision-about
        span.Activity?.SetTag("gmtools.grant.first_player_hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(playerIds[0])))); // leak TC1002 hashes
    }

    public async Task BanWaveAsync(StaffPrincipal gm, string waveId, IReadOnlyDictionary<string, string> reasonByGamertag)
    {
        using var span = Source.StartGmtoolsAdminAction("bulk_ban", "player").SetGmtoolsBulkSize(reasonByGamertag.Count); // clean precision-about
        span.Activity?.SetTag("gmtools.ban.wave", waveId); // clean precision-names
        logger.LogWarning("Ban wave {WaveId}: {Bans}", waveId, reasonByGamertag); // leak TC1001 logging-objects
        logger.LogWarning("Ban wave {WaveId} by reason {Reasons}", waveId, reasonByGamertag.Values.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        var result = await bulk.ApplyAsync(new BulkEditRequest(waveId, "player", "ban_status", "banned", reasonByGamertag.Keys.ToList()));
        span.Activity?.SetTag("gmtools.ban.skipped", string.Join(",", result.Errors.Select(e => e.Key))); // leak TC1001 strings
        span.Activity?.AddEvent(new ActivityEvent("ban_wave.applied", tags: new ActivityTagsCollection { ["updated"] = result.Updated, ["skipped"] = result.Skipped })); // clean precision-about
        await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "bulk_ban", gm.Upn, "ban_wave", waveId, DateTimeOffset.UtcNow));
        logger.LogInformation("Ban wave {WaveId} audited by {Actor}", waveId, pseudonymizer.ComputeGmtoolsOperatorId(gm.StaffId)); // clean precision-pseudonym
    }
}
