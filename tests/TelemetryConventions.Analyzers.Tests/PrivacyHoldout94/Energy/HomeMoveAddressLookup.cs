namespace PrivacyHoldout94.Energy;

public sealed record HomeMoveRequest(string AccountNumber, string NewPostcode, string? ChosenLine1, DateOnly MoveDate);

public sealed record HomeMoveAddress(string AccountNumber, PostalAddress Address, string AddressKey)
{
    public string Describe() => $"{Address.Line1}, {Address.PostalCode}";
}

/// <summary>
/// A customer moving home types the new postcode in the app; the addresses at it are listed, the
/// customer picks theirs, and the move-in is booked against it. The address key (line one and postcode)
/// is how the billing system has always keyed premises.
/// </summary>
public sealed class HomeMoveAddressLookup(
    IPostcodeLookup postcodes,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<HomeMoveAddressLookup> logger)
{
    private readonly SupplymatchCheckDurationHistogram _duration = meter.CreateSupplymatchCheckDurationHistogram();
    private readonly string _lookupProvider = "royal-mail-paf";
    private HomeMoveAddress? _pending;

    public async Task<HomeMoveAddress?> ChooseAsync(HomeMoveRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartSupplymatchCheck("postcode");
        span.SetSupplymatchProvider(_lookupProvider); // clean cross-member
        span.SetSupplymatchAccountId(pseudonymizer.PseudonymizeSupplymatchAccountId(request.AccountNumber)); // clean precision-pseudonym
        var started = Stopwatch.GetTimestamp();
        PostcodeLookupResult found;
        try
        {
            found = await postcodes.FindAsync(request.NewPostcode, cancellationToken);
        }
        catch (PostcodeNotFoundException ex)
        {
            logger.LogError(ex, "Home move lookup failed for {MoveDate}", request.MoveDate); // leak TC1001 exceptions
            logger.LogError("Home move lookup failed: {Error}", ex.GetType().Name); // clean exceptions
            return null;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "postcode", _lookupProvider);
        }

        span.SetSupplymatchCandidateCount(found.Addresses.Count);
        span.Activity?.SetTag("supplymatch.move.area", $"{found.PostTown} ({found.OutwardCode})"); // clean strings
        var chosen = found.Addresses.FirstOrDefault(a => string.Equals(a.Line1, request.ChosenLine1, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            logger.LogInformation("Customer's line {Line1} not among the {Count} addresses at the postcode", request.ChosenLine1, found.Addresses.Count); // leak TC1001 direct
            return null;
        }

        var key = $"{chosen.Line1.ToUpperInvariant()}|{Postcodes.Normalise(chosen.PostalCode)}";
        _pending = new HomeMoveAddress(request.AccountNumber, chosen, key);
        span.Activity?.SetTag("supplymatch.premises.key", key); // leak TC1001 strings
        span.Activity?.SetTag("supplymatch.premises.key_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))); // leak TC1002 hashes
        Activity.Current?.SetTag(SupplymatchAttributes.AccountContact, pseudonymizer.Pseudonymize("premises", key).Value); // leak TC1001 precision-pseudonym
        return _pending;
    }

    public void Booked(string moveReference)
    {
        Activity.Current?.SetTag("supplymatch.move.reference", moveReference); // clean precision-names
        if (_pending is { } pending)
        {
            logger.LogInformation("Move {MoveReference} booked at {Premises}", moveReference, pending.Describe()); // leak TC1001 cross-member
            logger.LogInformation("Move {MoveReference} booked in {District}", moveReference, pending.Address.OutwardCode); // clean cross-member
        }
    }
}
