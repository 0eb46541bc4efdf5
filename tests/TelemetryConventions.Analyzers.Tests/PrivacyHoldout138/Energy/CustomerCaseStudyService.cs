namespace PrivacyHoldout138.Energy;

/// <summary>A household that agreed to feature in a heat pump case study: the account, the people, the meter and the photos.</summary>
public sealed record CaseStudyHousehold(string AccountNumber, string HouseholderName, string Email, string MeterSerial, string Postcode, int Occupants, IReadOnlyList<string> PhotoAssetIds);

public sealed record CaseStudyFigures(double AnnualKwhBefore, double AnnualKwhAfter, double Scop, decimal BillSaving);

public sealed class CustomerCaseStudyService(IRightsRegistry rights, ActivitySource source, ILogger<CustomerCaseStudyService> logger)
{
    private static readonly Meter CaseStudyMeter = new("Supplier.CaseStudies");
    private static readonly Histogram<double> Savings = CaseStudyMeter.CreateHistogram<double>("casestudy.saving", "GBP");
    private CaseStudyHousehold? _current;

    public async Task PrepareAsync(CaseStudyHousehold household, CaseStudyFigures figures, CancellationToken cancellationToken)
    {
        _current = household;
        using var span = source.StartEnergymagSubscribe("case-studies").SetEnergymagRegion(household.Postcode[..2]); // clean precision-about
        span.Activity?.SetTag("casestudy.meter.model", household.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("casestudy.meter", household.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("casestudy.occupants", household.Occupants); // clean precision-about
        span.Activity?.SetTag("casestudy.scop", figures.Scop); // clean precision-names
        Savings.Record((double)figures.BillSaving, new KeyValuePair<string, object?>("occupants", household.Occupants)); // clean precision-about
        Savings.Record((double)figures.BillSaving, new KeyValuePair<string, object?>("meter", household.MeterSerial)); // leak TC1003 direct
        logger.LogInformation("Case study figures {@Figures}", figures); // clean logging-objects

        foreach (var photo in household.PhotoAssetIds)
        {
            var release = await rights.FindReleaseAsync(photo, cancellationToken);
            if (release is null)
            {
                try
                {
                    throw new ReleaseMissingException(photo, household.HouseholderName);
                }
                catch (ReleaseMissingException ex)
                {
                    span.Activity?.AddEnergymagSubscribeFailedEvent("case-studies", "release-missing", energymagNote: $"asset {ex.AssetId}"); // clean exceptions
                    span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                }
            }
            else
            {
                logger.LogInformation("Photo {AssetId} released under {ReleaseId} until {Expires}", photo, release.ReleaseId, release.Expires); // clean precision-names
            }
        }
    }

    public void Publish(string articleUrl)
    {
        if (_current is null)
        {
            return;
        }

        logger.LogInformation("Case study live at {Url} with {PhotoCount} photos", articleUrl, _current.PhotoAssetIds.Count); // clean precision-about
        logger.LogInformation("Case study live for {Householder}", _current.HouseholderName); // leak TC1001 cross-member
        Activity.Current?.SetTag("casestudy.account", _current.AccountNumber); // leak TC1001 cross-member
        var digest = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(_current.AccountNumber)));
        logger.LogDebug("Case study account digest {Digest}", digest); // leak TC1002 hashes
    }
}
