namespace PrivacyHoldout201.Gaming;

public sealed record LinkPetRequest(Guid PlayerId, string Gamertag, string PetName, string Species, string MicrochipNumber, string InsurerQuoteEmail);

public sealed record LinkPetReply(string CompanionId, bool Verified);

public sealed record RewardRequest(Guid PlayerId, string PolicyNumber, string RewardCode);

public sealed record RewardReply(string RewardId, int Coins);

public sealed record MemorialRequest(Guid PlayerId, string CompanionId, string PetName, string Message);

/// <summary>A companion as the game shows it: the pet's name and species, no player.</summary>
public sealed record Companion(string CompanionId, string PetName, string Species, int Level);

/// <summary>A player's link between their account and their real pet.</summary>
public sealed record PetLink(Guid PlayerId, string Gamertag, string CompanionId, string MicrochipNumber);

public sealed class RewardAlreadyClaimedException(string rewardCode, string region)
    : Exception($"Reward {rewardCode} already claimed in {region}");

/// <summary>
/// The publisher's companion-pet feature: players link their own pet (checked against the chip database) and earn
/// coins for buying the partner's pet insurance; a memorial garden remembers companions whose pets have died.
/// </summary>
public sealed class CompanionPetGrpcService(
    IChipDatabase chips,
    Pseudonymizer pseudonymizer,
    PracticeOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<CompanionPetGrpcService> logger)
{
    private readonly Counter<long> _links = meter.CreateCounter<long>("pawquest.links");
    private readonly ConcurrentDictionary<string, string> _chipsByCompanion = new();
    private Guid _lastMemorialPlayer;
    private string? _lastMemorialCompanion;

    public async Task<LinkPetReply> LinkPet(LinkPetRequest request, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("pawquest.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("pawquest.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("pawquest.pet.species", request.Species); // clean precision-about
        activity?.SetTag("pawquest.chip.prefix", request.MicrochipNumber[..3]); // clean precision-about
        activity?.SetTag("pawquest.chip", request.MicrochipNumber); // leak TC1001 direct
        activity?.SetTag("pawquest.quote_email.domain", request.InsurerQuoteEmail[(request.InsurerQuoteEmail.IndexOf('@') + 1)..]); // clean precision-about

        var lookup = await chips.LookupAsync(request.MicrochipNumber, context.CancellationToken);
        logger.LogInformation("Chip lookup {@Lookup}", lookup); // clean logging-objects
        if (!lookup.Found)
        {
            var ex = new ChipNotRegisteredException(request.MicrochipNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Link refused for companion"); // leak TC1001 exceptions
            throw new RpcException("FailedPrecondition", $"chip {request.MicrochipNumber} not registered");
        }

        var companionId = $"CP-{Guid.NewGuid():N}"[..11];
        _chipsByCompanion[companionId] = request.MicrochipNumber;
        var link = new PetLink(request.PlayerId, request.Gamertag, companionId, request.MicrochipNumber);
        logger.LogInformation("Linked {Link}", link); // leak TC1001 logging-objects
        logger.LogInformation("Linked {@Companion}", new Companion(companionId, request.PetName, request.Species, 1)); // clean logging-objects
        logger.LogInformation("Linked {Companion}", new { companionId, request.PetName, request.Species }); // clean logging-objects
        logger.LogInformation("Linked {Companion}", new { companionId, request.Gamertag }); // leak TC1001 logging-objects

        var player = pseudonymizer.PseudonymizePawquestClientId(request.PlayerId.ToString());
        using (var span = source.StartPawquestOperation("companions"))
        {
            span.SetPawquestClientId(player); // clean generated-api
            span.SetPawquestSpecies(request.Species); // clean generated-api
            span.SetPawquestOutcome("linked"); // clean generated-api
            span.SetPawquestNote($"{request.Gamertag} linked {request.PetName}"); // leak TC1001 generated-api
        }

        _links.Add(1, new KeyValuePair<string, object?>("species", request.Species)); // clean precision-about
        _links.Add(1, new KeyValuePair<string, object?>("player", player)); // leak TC1003 precision-pseudonym
        _links.Add(1, new KeyValuePair<string, object?>("chip.shard", HMACSHA256.HashData(options.Secrets.ShardKey, Encoding.UTF8.GetBytes(request.MicrochipNumber))[0] % 8)); // clean hashes
        _links.Add(1, new KeyValuePair<string, object?>("chip.hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.MicrochipNumber)))[..4])); // leak TC1003 hashes
        meter.CreatePawquestOperationsCounter().Add(1, "companions", "linked"); // clean generated-api
        return new LinkPetReply(companionId, lookup.Found);
    }

    public Task<RewardReply> ClaimReward(RewardRequest request, ServerCallContext context)
    {
        var activity = Activity.Current;
        var player = pseudonymizer.ComputePawquestClientId(request.PlayerId.ToString());
        activity?.SetTag("pawquest.player", player); // clean precision-pseudonym
        activity?.SetTag("pawquest.reward.code", request.RewardCode); // clean precision-names
        activity?.SetTag("pawquest.policy.present", !string.IsNullOrEmpty(request.PolicyNumber)); // clean precision-about
        activity?.SetTag("pawquest.policy.hash", request.PolicyNumber.GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("pawquest.player.hash", request.PlayerId.GetHashCode()); // leak TC1002 hashes
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["player"] = player, ["reward"] = request.RewardCode }); // clean precision-pseudonym
        using var scope2 = logger.BeginScope(new Dictionary<string, object> { ["policy"] = request.PolicyNumber }); // leak TC1001 direct

        try
        {
            if (request.RewardCode.StartsWith("X", StringComparison.Ordinal))
            {
                throw new RewardAlreadyClaimedException(request.RewardCode, options.Region);
            }
        }
        catch (RewardAlreadyClaimedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogPawquestOperationFailedEvent("rewards", "duplicate", pseudonymizer.PseudonymizePawquestClientId(request.PlayerId.ToString()), ex.Message); // clean generated-api
            throw new RpcException("AlreadyExists", ex.Message);
        }

        var rpc = new RpcException("NotFound", $"no policy {request.PolicyNumber} for player {request.PlayerId}");
        logger.LogInformation(rpc, "Reward check"); // leak TC1001 exceptions
        logger.LogInformation("Reward {RewardCode} granted to {Player}", request.RewardCode, player); // clean precision-pseudonym
        return Task.FromResult(new RewardReply($"RW-{Guid.NewGuid():N}"[..10], 500));
    }

    public Task<Companion> Memorial(MemorialRequest request, ServerCallContext context)
    {
        _lastMemorialPlayer = request.PlayerId;
        _lastMemorialCompanion = request.CompanionId;
        Activity.Current?.SetTag("pawquest.memorial.pet", request.PetName); // clean precision-names
        Activity.Current?.SetTag("pawquest.memorial.message_length", request.Message.Length); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("memorial.created", tags: new ActivityTagsCollection { ["message"] = request.Message })); // leak TC1001 direct
        logger.LogInformation("Memorial for {PetName}: {Message}", request.PetName, request.Message[..Math.Min(30, request.Message.Length)]); // leak TC1001 strings
        return Task.FromResult(new Companion(request.CompanionId, request.PetName, "memorial", 0));
    }

    public void Housekeeping()
    {
        logger.LogInformation("Last memorial by {Player}", _lastMemorialPlayer); // leak TC1001 cross-member
        logger.LogInformation("Last memorial companion {CompanionId}", _lastMemorialCompanion); // clean cross-member
        logger.LogInformation("Chips held {Chips}", string.Join(",", _chipsByCompanion.Values)); // leak TC1001 cross-member
        logger.LogInformation("Companions held {Companions}", string.Join(",", _chipsByCompanion.Keys)); // clean cross-member
        var profile = new PetProfile { PetId = "P-1", Name = "Biscuit", MicrochipNumber = _chipsByCompanion.Values.FirstOrDefault() ?? "", OwnerEmail = "" };
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
    }
}
