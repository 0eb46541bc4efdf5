namespace PrivacyHoldout196.Gaming;

public sealed record LinkChildRequest(string CarerAccountId, string ChildAccountId, string ChildGamertag, string AgencyReference, int AgeRating, string ConsoleSerial);

public sealed record LinkChildReply(string LinkId, bool Linked);

/// <summary>A birth family member the placement plan says may not contact the child online.</summary>
public sealed record BlockContactRequest(string ChildAccountId, string BlockedGamertag, string BlockedRealName, string Relationship, string CourtOrderReference);

public sealed record BlockContactReply(string BlockId, int BlockedCount);

public sealed record FamilyGroupSnapshot(string GroupId, int Members, int ChildAccounts, string Region, bool ChatRestricted);

/// <summary>The platform's family service, with safer-care settings for children placed with foster carers.</summary>
public sealed partial class FosterFamilyAccountGrpcService(
    IFosteringStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FosterFamilyAccountGrpcService> logger)
{
    private readonly Counter<long> _links = meter.CreateCounter<long>("family.links");
    private readonly Counter<long> _blocks = meter.CreateCounter<long>("family.contact_blocks");
    private string _lastBlockedName = string.Empty;
    private string _lastOrder = string.Empty;

    public Task<LinkChildReply> LinkChild(LinkChildRequest request, ServerCallContext context)
    {
        using var activity = source.StartActivity("family.link_child");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("family.child.account", request.ChildAccountId); // leak TC1001 direct
        activity?.SetTag("family.child.gamertag", request.ChildGamertag); // leak TC1001 direct
        activity?.SetTag("family.child.gamertag_length", request.ChildGamertag.Length); // clean precision-about
        activity?.SetTag("family.age_rating", request.AgeRating); // clean precision-about
        activity?.SetTag("family.agency_reference", request.AgencyReference); // clean precision-names
        activity?.SetTag("family.console.model", request.ConsoleSerial[..3]); // clean precision-about
        activity?.SetTag("family.child", pseudonymizer.ComputeSafeplayChildId(request.ChildAccountId)); // clean precision-pseudonym
        Baggage.SetBaggage("family.carer", request.CarerAccountId); // leak TC1001 direct

        _links.Add(1, new KeyValuePair<string, object?>("age_rating", request.AgeRating)); // clean precision-about
        _links.Add(1, new KeyValuePair<string, object?>("gamertag", request.ChildGamertag)); // leak TC1003 direct

        logger.LogInformation("Linking {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Linking {Request}", new { request.AgencyReference, request.AgeRating }); // clean logging-objects
        logger.LogInformation("Linked {Child} to carer {Carer}", pseudonymizer.ComputeSafeplayChildId(request.ChildAccountId), pseudonymizer.Compute("carer", request.CarerAccountId)); // clean precision-pseudonym

        var bucket = HashCode.Combine(request.ChildAccountId, request.AgencyReference) & 0xFF;
        activity?.SetTag("family.bucket", bucket); // leak TC1002 hashes
        var cohort = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.ChildAccountId))[0] & 0x0F;
        _links.Add(1, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes

        using var span = source.StartSafeplayOperation("family")
            .SetSafeplayChildId(pseudonymizer.PseudonymizeSafeplayChildId(request.ChildAccountId)) // clean generated-api
            .SetSafeplayStage("linked"); // clean generated-api
        span.SetSafeplayNote(request.ChildGamertag); // leak TC1001 generated-api

        return Task.FromResult(new LinkChildReply(Guid.NewGuid().ToString("N"), true));
    }

    public async Task<BlockContactReply> BlockContact(BlockContactRequest request, ServerCallContext context)
    {
        using var activity = source.StartActivity("family.block_contact");
        activity?.SetTag("family.block.relationship", request.Relationship); // clean precision-about
        activity?.SetTag("family.block.order", request.CourtOrderReference); // clean precision-names
        activity?.SetTag("family.block.gamertag", request.BlockedGamertag); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("family.blocked", tags: new ActivityTagsCollection { ["relationship"] = request.Relationship, ["order"] = request.CourtOrderReference })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("family.blocked", tags: new ActivityTagsCollection { ["name"] = request.BlockedRealName })); // leak TC1001 direct

        _lastBlockedName = request.BlockedRealName;
        _lastOrder = request.CourtOrderReference;
        _blocks.Add(1, new KeyValuePair<string, object?>("relationship", request.Relationship)); // clean precision-about

        BlockApplied(logger, request.BlockedRealName, request.Relationship); // clean logging-objects
        BlockAppliedRaw(logger, request.BlockedGamertag, request.Relationship); // leak TC1001 logging-objects

        var child = await store.FindChildAsync(request.ChildAccountId, context.CancellationToken);
        if (child is null)
        {
            var error = new RpcException("NotFound", $"No child account {request.ChildAccountId}");
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            logger.LogSafeplayOperationFailedEvent("family", "not-found", safeplayNote: error.Status); // clean generated-api
            throw error;
        }

        var reason = string.Concat("blocked ", request.Relationship, " under ", request.CourtOrderReference);
        activity?.SetTag("family.block.reason", reason); // clean strings
        var audit = string.Concat("blocked ", request.BlockedRealName, " for ", child.FirstName);
        activity?.SetTag("family.block.audit", audit); // leak TC1001 strings
        return new BlockContactReply(Guid.NewGuid().ToString("N"), 1);
    }

    public void Snapshot(FamilyGroupSnapshot snapshot)
    {
        logger.LogInformation("Family group {@Snapshot}", snapshot); // clean logging-objects
        logger.LogInformation("Last order applied {Order}", _lastOrder); // clean cross-member
        logger.LogInformation("Last blocked {Name}", _lastBlockedName); // leak TC1001 cross-member
        meter.CreateSafeplayOperationDurationHistogram().Record(0.2, snapshot.Region); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blocked {BlockedName} ({Relationship})")]
    private static partial void BlockApplied(ILogger logger, [PrivateData] string blockedName, string relationship);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blocked {Gamertag} ({Relationship})")]
    private static partial void BlockAppliedRaw(ILogger logger, string gamertag, string relationship);
}
