namespace PrivacyHoldout100.Energy;

/// <summary>A reading pushed to the customer's app: the meter it came from and the demand now.</summary>
public sealed record LiveReading(string MeterSerial, double DemandKw, DateTimeOffset ReadAt);

/// <summary>The household a customer's app connection follows, looked up from the account.</summary>
public sealed record HouseholdStream(string AccountNumber, string MeterSerial, string Mpan, string Region, string Tariff);

/// <summary>
/// The customer app's live usage view: the app connects, the hub looks up the account behind the user,
/// puts the connection in the household's group and the reading pipeline pushes each reading to it.
/// </summary>
public sealed class LiveUsageHub(ILogger<LiveUsageHub> logger, Pseudonymizer pseudonymizer, Func<string, HouseholdStream> households) : Hub
{
    private static readonly ActivitySource Source = new("Supplier.LiveUsage");
    private static readonly Meter Meter = new("Supplier.LiveUsage");
    private static readonly Counter<long> Streams = Meter.CreateCounter<long>("liveusage.streams");
    private static readonly GridliveMessagesCounter Messages = Meter.CreateGridliveMessagesCounter();

    public override async Task OnConnectedAsync()
    {
        var household = households(Context.UserIdentifier!);
        var group = $"household-{household.AccountNumber}";
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        Context.Items["household"] = household;
        using var span = Source.StartGridliveConnection("/hubs/usage")
            .SetGridliveConnectionId(Context.ConnectionId) // clean generated-api
            .SetGridliveAccountId(pseudonymizer.PseudonymizeGridliveAccountId(household.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("liveusage.group", group); // leak TC1001 strings
        span.Activity?.SetTag("liveusage.region", household.Region); // clean precision-about
        span.Activity?.SetTag("liveusage.tariff", household.Tariff); // clean precision-about
        span.Activity?.SetTag("liveusage.meter", household.MeterSerial); // leak TC1001 cross-member
        Streams.Add(1, new KeyValuePair<string, object?>("region", household.Region), new KeyValuePair<string, object?>("tariff", household.Tariff)); // clean precision-about
        Streams.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeGridliveAccountId(household.AccountNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Usage stream opened for {Household}", household); // leak TC1001 logging-objects
        await base.OnConnectedAsync();
    }

    public async Task PushReading(LiveReading reading)
    {
        var household = (HouseholdStream)Context.Items["household"]!;
        await Clients.Group($"household-{household.AccountNumber}").SendAsync("reading", reading);
        Messages.Add(1, "/hubs/usage", nameof(PushReading), "sent"); // clean generated-api
        Activity.Current?.SetTag("liveusage.demand.kw", Math.Round(reading.DemandKw, 1)); // clean precision-about
        Activity.Current?.SetTag("liveusage.reading.age_ms", (DateTimeOffset.UtcNow - reading.ReadAt).TotalMilliseconds); // clean precision-about
        logger.LogTrace("Pushed reading {Reading}", reading); // leak TC1001 logging-objects
        logger.LogTrace("Meter model {Model} pushed", reading.MeterSerial[..3]); // clean precision-about
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (exception is HubException hub)
        {
            logger.LogWarning("Usage stream ended with {Error}", hub.GetType().Name); // clean exceptions
        }
        Activity.Current?.SetStatus(exception is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, exception?.GetType().Name); // clean exceptions
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Maps an app connection to the energy account number on the customer's token.</summary>
public sealed class AccountUserIdProvider(ILogger<AccountUserIdProvider> logger) : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection)
    {
        var account = connection.User.FindFirst("account_number")?.Value;
        if (account is null)
        {
            logger.LogWarning("Connection {ConnectionId} has no account claim; claims: {Claims}", connection.ConnectionId, connection.User.Claims.Select(c => c.Type)); // clean precision-names
            return null;
        }
        logger.LogDebug("Connection {ConnectionId} belongs to account {Account}", connection.ConnectionId, account); // leak TC1001 direct
        Activity.Current?.SetTag("gridlive.account.id", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(account)))); // leak TC1002 hashes
        return account;
    }
}
