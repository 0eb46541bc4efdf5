namespace PrivacyHoldout204.Media;

public sealed record PhoneBankPledge(string PledgeId, string AppealCode, string CallerName, string CallerPhone, string Postcode, string HouseNumber, decimal Amount, bool GiftAid, string? InMemoryOf);

/// <summary>A broadcaster's charity appeal (its foodbank night): phone bank pledges, donors, Gift Aid declarations and claims.</summary>
public sealed partial class AppealDonationRepository(
    DonorCrm crm,
    HmrcGiftAidGateway hmrc,
    Pseudonymizer pseudonymizer,
    CharityOptions options,
    ILogger<AppealDonationRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Appeal");
    private static readonly Meter Meter = new("Broadcaster.Appeal");
    private static readonly Counter<long> Pledges = Meter.CreateCounter<long>("appeal.pledges");
    private readonly List<GiftAidDeclaration> _pending = new();

    public async Task SavePledgeAsync(PhoneBankPledge pledge, string supporterNumber, CancellationToken ct)
    {
        using var activity = Source.StartActivity("appeal.pledge.save");
        activity?.SetTag("appeal.code", pledge.AppealCode); // clean precision-names
        activity?.SetTag("pledge.id", pledge.PledgeId); // clean precision-names
        activity?.SetTag("pledge.amount", (double)pledge.Amount); // clean precision-about
        activity?.SetTag("donor.supporter_number", supporterNumber); // leak TC1001 direct
        activity?.SetTag("caller.phone", pledge.CallerPhone); // leak TC1001 direct
        activity?.SetTag("caller.postcode", pledge.Postcode); // leak TC1001 direct
        activity?.SetTag("caller.postcode_area", pledge.Postcode[..2]); // clean precision-about
        activity?.SetTag("gift.in_memory_of", pledge.InMemoryOf); // leak TC1001 direct
        activity?.SetTag("gift.in_memory", pledge.InMemoryOf is not null); // clean precision-about

        var donor = pseudonymizer.Pseudonymize(Spaces.Donor, supporterNumber);
        activity?.SetTag("donor.pseudonym", donor.ToString()); // clean precision-pseudonym
        Pledges.Add(1, new KeyValuePair<string, object?>("appeal", pledge.AppealCode), new KeyValuePair<string, object?>("gift_aid", pledge.GiftAid)); // clean precision-names
        Pledges.Add(1, new KeyValuePair<string, object?>("supporter", supporterNumber)); // leak TC1003 direct

        using var op = Source.StartAppealdeskOperation(pledge.AppealCode).SetAppealdeskClientId(pseudonymizer.Pseudonymize(Spaces.Client, supporterNumber)).SetAppealdeskScheme("pledge"); // clean generated-api
        op.SetAppealdeskNote(pledge.CallerPhone); // leak TC1001 generated-api
        op.SetAppealdeskNote(pledge.GiftAid ? "gift aid declared" : "no gift aid"); // clean generated-api

        var donation = new Donation(pledge.PledgeId, supporterNumber, pledge.Amount, "GBP", pledge.GiftAid);
        await crm.RecordAsync(donation, ct);
        logger.LogInformation("Donation {@Donation}", donation); // leak TC1001 logging-objects
        logger.LogInformation("Pledge {Pledge}", pledge); // leak TC1001 logging-objects
        logger.LogInformation("Pledge {@Pledge}", pledge with { CallerPhone = "", CallerName = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Pledge {@Pledge}", new { pledge.PledgeId, pledge.AppealCode, pledge.Amount }); // clean logging-objects

        if (pledge.GiftAid)
        {
            var declaration = new GiftAidDeclaration(supporterNumber, pledge.CallerName, pledge.HouseNumber, pledge.Postcode, DateOnly.FromDateTime(DateTime.UtcNow));
            await crm.SaveDeclarationAsync(declaration, ct);
            _pending.Add(declaration);
            activity?.AddEvent(new ActivityEvent("gift-aid.declared", tags: new ActivityTagsCollection { ["declaration"] = declaration.ToString() })); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("gift-aid.declared", tags: new ActivityTagsCollection { ["pending"] = _pending.Count })); // clean precision-about
            var address = string.Format("{0} {1}", pledge.HouseNumber, pledge.Postcode);
            logger.LogDebug("Declaration address {Address}", address); // leak TC1001 strings
            LogDeclaration(logger, pledge.CallerName, pledge.HouseNumber, pledge.Postcode); // clean logging-objects
        }

        Meter.CreateAppealdeskOperationsCounter().Add(1, pledge.AppealCode, "pledged"); // clean generated-api
    }

    public async Task SubmitClaimAsync(string claimId, CancellationToken ct)
    {
        using var activity = Source.StartActivity("appeal.gift-aid.claim");
        var claim = new GiftAidClaim(claimId, _pending.Count, _pending.Count * 2.5m, "1234567");
        logger.LogInformation("Submitting {@Claim}", claim); // clean logging-objects
        activity?.SetTag("claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("claim.lines", claim.Lines); // clean precision-about
        activity?.SetTag("charity.number", claim.CharityNumber); // clean precision-names
        activity?.SetTag("gift_aid.rate", (double)options.GiftAidRate); // clean precision-about
        activity?.SetTag("claim.first_donor", FirstDonorName()); // leak TC1001 cross-member
        activity?.SetTag("claim.checksum", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(_pending.Select(p => p.SupporterNumber)))))); // leak TC1002 hashes
        activity?.SetTag("claim.batch_key", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(claimId)))[..8]); // clean hashes
        var started = Stopwatch.GetTimestamp();
        try
        {
            var ack = await hmrc.SubmitAsync(claim, _pending, ct);
            activity?.SetTag("hmrc.ack", ack); // clean precision-names
        }
        catch (DonorNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "donor missing: " + ex.Message); // leak TC1001 exceptions
            logger.LogAppealdeskOperationFailedEvent("gift-aid", "donor-missing", appealdeskNote: ex.Message); // leak TC1001 generated-api
            activity?.SetTag("error.type", nameof(DonorNotFoundException)); // clean exceptions
        }
        catch (AgencyPortalUnavailableException ex)
        {
            logger.LogWarning(ex, "HMRC portal unavailable ({Status})", ex.StatusCode); // clean exceptions
            Meter.CreateAppealdeskOperationsCounter().Add(1, "gift-aid", ex.StatusCode.ToString()); // clean generated-api
        }

        Meter.CreateAppealdeskOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "gift-aid"); // clean generated-api
        using (logger.BeginScope(new Dictionary<string, object?> { ["ClaimId"] = claimId, ["Lines"] = claim.Lines })) // clean logging-objects
        {
            logger.LogInformation("Claim submitted");
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["Donors"] = string.Join("|", _pending.Select(p => p.FullName)) })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Claim lines attached");
        }

        activity?.SetTag("claim.declarations_with_postcode", _pending.Count(p => p.Postcode.Length > 0)); // clean precision-about
        logger.LogInformation("Claim {ClaimId} lines {Lines}", claimId, string.Join(",", _pending.Select(p => p.SupporterNumber))); // leak TC1001 strings
        logger.LogInformation("Claim {ClaimId} months {Months}", claimId, string.Join(",", _pending.Select(p => p.MadeOn.ToString("yyyy-MM")).Distinct())); // clean strings
        _pending.Clear();
    }

    private string FirstDonorName() => _pending.Count > 0 ? _pending[0].FullName : string.Empty;

    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug, Message = "Gift Aid declaration by {Name}, {HouseNumber} {Postcode}")]
    private static partial void LogDeclaration(ILogger logger, [PrivateData] string name, [PrivateData] string houseNumber, [PrivateData] string postcode);
}
