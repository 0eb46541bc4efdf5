namespace PrivacyHoldout82.Gaming;

public sealed record LoginRequest(string Email, string Password, string ClientVersion, string Platform);

public sealed record LoginResult(bool Success, long? LegacyAccountNumber, Guid? PlayerId, string? Gamertag, string? Error);

public interface ILoginBackend
{
    Task<LoginResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The strangler facade in front of sign-in: players whose accounts are migrated sign in against the new
/// identity service; the rest against the legacy account database's login procedure, which answers
/// "LGN-04 BAD PASSWORD FOR {email}" style errors. Shadow comparisons run for a sample of legacy logins.
/// </summary>
public sealed class LoginStranglerRouter(
    ILoginBackend legacy,
    ILoginBackend identity,
    IReadOnlySet<string> migratedEmails,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<LoginStranglerRouter> logger)
{
    private readonly Histogram<double> _duration = meter.CreateHistogram<double>("login.duration", "s");
    private readonly Counter<long> _shadowDiffs = meter.CreateCounter<long>("login.shadow.differences");

    public async Task<LoginResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var migrated = migratedEmails.Contains(request.Email);
        var target = migrated ? RouteTarget.Modern : RouteTarget.Legacy;
        var activity = Activity.Current;
        logger.LogDebug("Routing {Request}", request); // leak TC1001 logging-objects
        activity?.SetTag("login.route", target.ToString()); // clean precision-about
        activity?.SetTag("login.client_version", request.ClientVersion); // clean precision-about
        activity?.SetTag("login.migrated_set.size", migratedEmails.Count); // clean precision-names

        var started = Stopwatch.GetTimestamp();
        var result = await (migrated ? identity : legacy).LoginAsync(request, cancellationToken);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("target", target.ToString()), new KeyValuePair<string, object?>("success", result.Success)); // clean precision-about

        if (result.PlayerId is { } playerId)
        {
            activity?.SetBaggage("player.pseudonym", pseudonymizer.ComputeAcctbridgePlayerId(playerId.ToString())); // clean precision-pseudonym
            activity?.SetBaggage("player.legacy_acct", result.LegacyAccountNumber?.ToString(CultureInfo.InvariantCulture)); // leak TC1001 direct
        }
        if (!result.Success)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error); // leak TC1001 exceptions
            logger.LogInformation("Login failed on {Target} for {Platform}", target, request.Platform); // clean precision-about
        }

        var sampled = !migrated && shardKey.ShardOf(request.Email, 100) < 5;
        activity?.SetTag("login.shadow.sampled", sampled); // clean hashes
        var oldSample = (request.Email.ToLowerInvariant().GetHashCode() & 0x7fffffff) % 100;
        logger.LogDebug("Old sampler would have put this login in bucket {Bucket}", oldSample); // leak TC1002 hashes
        if (sampled)
        {
            var shadow = await identity.LoginAsync(request, cancellationToken);
            var comparison = ResponseComparison.Of("login",
                new Dictionary<string, string?> { ["success"] = result.Success.ToString(), ["gamertag"] = result.Gamertag, ["error"] = result.Error },
                new Dictionary<string, string?> { ["success"] = shadow.Success.ToString(), ["gamertag"] = shadow.Gamertag, ["error"] = shadow.Error });
            _shadowDiffs.Add(comparison.Differences.Count, new KeyValuePair<string, object?>("fields", string.Join("+", comparison.Differences.Select(d => d.Field)))); // clean precision-names
            if (!comparison.Matched)
            {
                logger.LogWarning("Shadow login differs: {Differences}", string.Join("; ", comparison.Differences)); // leak TC1001 logging-objects
                logger.LogWarning("Shadow login for {Email} differs", request.Email); // leak TC1001 direct
            }
        }
        return result;
    }
}
