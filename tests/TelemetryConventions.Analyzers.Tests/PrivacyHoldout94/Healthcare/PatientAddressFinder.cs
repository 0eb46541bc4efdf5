namespace PrivacyHoldout94.Healthcare;

/// <summary>
/// The address finder behind the registration screen and the outpatient letters run: the clerk types a
/// postcode, picks the address; before letters are printed, each patient's address is checked against
/// the postcode file.
/// </summary>
public sealed class PatientAddressFinder(
    IPostcodeLookup postcodes,
    ActivitySource source,
    Meter meter,
    ILogger<PatientAddressFinder> logger)
{
    private readonly DemogchkChecksCounter _checks = meter.CreateDemogchkChecksCounter();
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("demogchk.postcode.lookups");
    private string? _lastLookup;

    public void Map(EndpointRoutes routes) =>
        routes.MapGet("/registration/address-finder/{postcode}", (string postcode, string clerkId, CancellationToken ct) => FindAsync(postcode, clerkId, ct));

    public async Task<ActionResult> FindAsync(string postcode, string clerkId, CancellationToken cancellationToken)
    {
        using var span = source.StartDemogchkCheck("postcode");
        var normalised = Postcodes.Normalise(postcode);
        _lastLookup = normalised;
        span.Activity?.SetTag("demogchk.postcode.well_formed", Postcodes.IsWellFormed(normalised)); // clean precision-about
        span.Activity?.SetTag("demogchk.postcode.district", Postcodes.OutwardCode(normalised)); // clean precision-about
        try
        {
            var found = await postcodes.FindAsync(normalised, cancellationToken);
            span.SetDemogchkCandidateCount(found.Addresses.Count);
            _lookups.Add(1, new KeyValuePair<string, object?>("post_town", found.PostTown)); // clean precision-about
            logger.LogDebug("Postcode lookup by clerk {Clerk} returned {Result}", clerkId, found); // leak TC1001 logging-objects
            return new OkResult(found.Addresses);
        }
        catch (PostcodeNotFoundException ex)
        {
            _checks.Add(1, "postcode", "not_found");
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Postcode not found: {Postcode}", ex.Postcode); // leak TC1001 direct
            return new NotFoundResult("postcode not found");
        }
    }

    public void ReportStuckLookup(TimeSpan waited)
    {
        logger.LogWarning("Address finder lookup for {Postcode} still running after {Waited}", _lastLookup, waited); // leak TC1001 cross-member
        Activity.Current?.SetTag("demogchk.postcode.last_district", _lastLookup is null ? null : Postcodes.OutwardCode(_lastLookup)); // clean cross-member
    }

    public async Task<int> CheckLetterBatchAsync(IReadOnlyList<(string HospitalNumber, PostalAddress Address)> batch, CancellationToken cancellationToken)
    {
        using var span = source.StartDemogchkCheck("postcode");
        span.Activity?.SetTag("demogchk.letters.batch_size", batch.Count);
        var mismatches = new List<string>();
        foreach (var (hospitalNumber, address) in batch)
        {
            try
            {
                var found = await postcodes.FindAsync(address.PostalCode, cancellationToken);
                if (!found.Addresses.Any(a => string.Equals(a.Line1, address.Line1, StringComparison.OrdinalIgnoreCase)))
                {
                    mismatches.Add(hospitalNumber);
                }
            }
            catch (PostcodeNotFoundException ex)
            {
                mismatches.Add(hospitalNumber);
                span.RecordException(ex, "postcode not in file"); // clean exceptions
                logger.LogWarning("Letter for {HospitalNumber} held: postcode not in file", hospitalNumber); // leak TC1001 direct
            }
        }

        span.SetDemogchkOutcome(mismatches.Count == 0 ? "accepted" : "review");
        logger.LogInformation("{Held} of {Total} letters held for address review: {Patients}", mismatches.Count, batch.Count, string.Join(", ", mismatches)); // leak TC1001 strings
        Activity.Current?.SetTag("demogchk.letters.held", mismatches.Count);
        return mismatches.Count;
    }
}
