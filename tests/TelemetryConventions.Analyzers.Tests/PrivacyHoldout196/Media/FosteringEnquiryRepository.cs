namespace PrivacyHoldout196.Media;

/// <summary>An enquiry from the broadcaster's "Could you foster?" campaign, passed on to the agency.</summary>
public sealed record FosteringEnquiry(string EnquiryId, string CampaignId, string FullName, string Email, string Phone, string Postcode, string SpareRooms, string Motivation, string Channel);

public sealed record CallbackSlot(string SlotId, DateTimeOffset Start, string Team, int Capacity);

public sealed record CampaignStats(string CampaignId, int Enquiries, int Callbacks, int InfoEvenings);

/// <summary>Stores the campaign's enquiries and books information-evening callbacks.</summary>
public sealed class FosteringEnquiryRepository(
    IFosteringStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FosteringEnquiryRepository> logger)
{
    private readonly Counter<long> _enquiries = meter.CreateCounter<long>("campaign.enquiries");
    private readonly Dictionary<string, string> _callbackPhones = new();
    private FosteringEnquiry? _lastEnquiry;

    public async Task SaveAsync(FosteringEnquiry enquiry, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("campaign.enquiry.save");
        activity?.SetTag("db.operation", "insert"); // clean precision-names
        activity?.SetTag("campaign.id", enquiry.CampaignId); // clean precision-names
        activity?.SetTag("campaign.enquiry.id", enquiry.EnquiryId); // clean precision-names
        activity?.SetTag("campaign.channel", enquiry.Channel); // clean precision-about
        activity?.SetTag("campaign.spare_rooms", enquiry.SpareRooms); // clean precision-about
        activity?.SetTag("campaign.enquirer.phone", enquiry.Phone); // leak TC1001 direct
        activity?.SetTag("campaign.enquirer.postcode", enquiry.Postcode); // leak TC1001 direct
        activity?.SetTag("campaign.enquirer.area", new string(enquiry.Postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
        activity?.SetTag("campaign.motivation.length", enquiry.Motivation.Length); // clean precision-about
        activity?.SetTag("campaign.enquirer", pseudonymizer.ComputeFosterstoryCarerId(enquiry.EnquiryId)); // clean precision-pseudonym

        _enquiries.Add(1, new KeyValuePair<string, object?>("campaign", enquiry.CampaignId)); // clean precision-names
        _enquiries.Add(1, new KeyValuePair<string, object?>("channel", enquiry.Channel), new KeyValuePair<string, object?>("postcode", enquiry.Postcode)); // leak TC1003 direct

        _lastEnquiry = enquiry;
        _callbackPhones[enquiry.Phone] = enquiry.EnquiryId;

        logger.LogInformation("Enquiry {EnquiryId} from {Name} <{Email}>", enquiry.EnquiryId, enquiry.FullName, enquiry.Email); // leak TC1001 direct
        logger.LogInformation("Enquiry {EnquiryId} motivation: {Motivation}", enquiry.EnquiryId, enquiry.Motivation); // leak TC1001 direct
        logger.LogInformation("Enquiry saved {Enquiry}", enquiry); // leak TC1001 logging-objects
        logger.LogInformation("Enquiry saved {@Enquiry}", enquiry with { FullName = "", Email = "", Phone = "", Postcode = "", Motivation = "" }); // clean logging-objects

        using (logger.BeginScope(new Dictionary<string, object> { ["CampaignId"] = enquiry.CampaignId, ["Channel"] = enquiry.Channel })) // clean logging-objects
        {
            await store.SaveAsync(enquiry, cancellationToken);
        }

        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(enquiry.Email.ToLowerInvariant())))[..16];
        logger.LogDebug("Enquiry dedupe {Key}", dedupe); // leak TC1002 hashes
        var dedupeKeyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(enquiry.Email.ToLowerInvariant())))[..16];
        logger.LogDebug("Enquiry dedupe {Key}", dedupeKeyed); // clean hashes
    }

    public void BookCallback(CallbackSlot slot)
    {
        using var span = source.StartFosterstoryOperation(slot.Team)
            .SetFosterstoryStage("callback") // clean generated-api
            .SetFosterstoryMinutes(30); // clean generated-api
        if (_lastEnquiry is not null)
        {
            span.SetFosterstoryCarerId(pseudonymizer.PseudonymizeFosterstoryCarerId(_lastEnquiry.EnquiryId)); // clean generated-api
            span.SetFosterstoryNote($"callback for {_lastEnquiry.FullName}"); // leak TC1001 generated-api
            span.SetFosterstoryNote($"callback slot {slot.SlotId} at {slot.Start:t}"); // clean generated-api
            Activity.Current?.SetTag("campaign.callback.email", _lastEnquiry.Email); // leak TC1001 cross-member
            Activity.Current?.SetTag("campaign.callback.channel", _lastEnquiry.Channel); // clean cross-member
        }

        logger.LogInformation("Callbacks waiting for {Phones}", _callbackPhones.Keys); // leak TC1001 cross-member
        logger.LogInformation("Callbacks waiting: {Count}", _callbackPhones.Count); // clean cross-member
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
    }

    public void Report(CampaignStats stats)
    {
        logger.LogInformation("Campaign {Stats}", stats); // clean logging-objects
        meter.CreateFosterstoryOperationsCounter().Add(stats.Enquiries, stats.CampaignId, "reported"); // clean generated-api
    }
}
