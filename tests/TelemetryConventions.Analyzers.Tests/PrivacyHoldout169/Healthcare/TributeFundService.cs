namespace PrivacyHoldout169.Healthcare;

/// <summary>Opens and updates tribute funds families set up in memory of someone the hospital cared for.</summary>
public sealed class TributeFundService(
    IDonorStore donors,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TributeFundService> logger)
{
    private static readonly ActivitySource Source = new("HospitalCharity.Tributes");
    private static readonly Meter Meter = new("HospitalCharity.Tributes");
    private static readonly Histogram<double> Raised = Meter.CreateHistogram<double>("hospitalcharity.tribute.raised", "GBP");

    private string? _lastOrganiser;

    public async Task OpenAsync(TributeFund fund, string hospital, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tribute.open");
        activity?.SetTag("tribute.fund_id", fund.FundId); // clean direct
        activity?.SetTag("tribute.in_memory_of", fund.InMemoryOf); // leak TC1001 direct
        activity?.SetTag("tribute.name_length", fund.InMemoryOf.Length); // clean precision-about
        _lastOrganiser = fund.OrganiserSupporterNumber;

        logger.LogInformation("Opened tribute fund {Fund}", fund); // leak TC1001 logging-objects
        logger.LogInformation("Opened tribute fund {FundId} raising {Raised}", fund.FundId, fund.Raised); // clean logging-objects
        Raised.Record((double)fund.Raised, new KeyValuePair<string, object?>("hospital", hospital)); // clean direct

        var organiser = await donors.FindAsync(fund.OrganiserSupporterNumber, cancellationToken);
        var title = "In memory of " + fund.InMemoryOf;
        activity?.SetTag("tribute.title", title); // leak TC1001 strings
        var summary = string.Format(CultureInfo.InvariantCulture, "fund {0} opened at {1}", fund.FundId, hospital);
        activity?.AddEvent(new ActivityEvent("tribute.opened", tags: new ActivityTagsCollection { ["summary"] = summary })); // clean strings
        var status = $"fund {fund.FundId} open";
        activity?.SetStatus(ActivityStatusCode.Ok, status); // clean strings
        if (organiser is not null)
        {
            var greeting = new StringBuilder().Append("Dear ").Append(organiser.FullName).ToString();
            logger.LogDebug("Letter salutation {Salutation}", greeting); // leak TC1001 strings
            logger.LogDebug("Organiser has mobile: {HasMobile}", !string.IsNullOrEmpty(organiser.Mobile)); // clean precision-about
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(fund.OrganiserSupporterNumber)))[..2];
        activity?.SetTag("tribute.organiser_shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fund.InMemoryOf)));
        activity?.SetTag("tribute.memory_key", digest); // leak TC1002 hashes
    }

    public void Close(string fundId)
    {
        using var activity = Source.StartActivity("tribute.close");
        activity?.SetTag("tribute.fund_id", fundId); // clean cross-member
        activity?.SetTag("tribute.organiser", _lastOrganiser); // leak TC1001 cross-member
        var organiserRef = _lastOrganiser is null ? default : pseudonymizer.PseudonymizeHospitalcharityDonorId(_lastOrganiser);
        logger.LogInformation("Closed tribute fund {FundId} for organiser {Organiser}", fundId, organiserRef); // clean precision-pseudonym
    }
}
