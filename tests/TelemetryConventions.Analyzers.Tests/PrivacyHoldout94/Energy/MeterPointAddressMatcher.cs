namespace PrivacyHoldout94.Energy;

/// <summary>A meter point at an address in the industry's register, with the meter installed there.</summary>
public sealed record MeterPointCandidate(string Mpan, string MeterSerial, PostalAddress RegisteredAddress, double AddressScore);

public interface IMeterPointRegister
{
    Task<IReadOnlyList<MeterPointCandidate>> AtPostcodeAsync(string postcode, CancellationToken cancellationToken);
}

public sealed class MeterPointNotFoundException(string addressKey) : Exception($"No meter point matches '{addressKey}'")
{
    public string AddressKey { get; } = addressKey;
}

/// <summary>
/// A switching customer gives a supply address at sign-up; it is standardised, then matched to the meter
/// points registered at that postcode so the switch can name the right MPAN.
/// </summary>
public sealed class MeterPointAddressMatcher(
    IAddressValidator validator,
    IMeterPointRegister register,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MeterPointAddressMatcher> logger)
{
    private readonly SupplymatchChecksCounter _checks = meter.CreateSupplymatchChecksCounter();
    private readonly Histogram<double> _score = meter.CreateHistogram<double>("supplymatch.address.score");

    public async Task<string?> MatchAsync(string accountNumber, PostalAddress supplyAddress, CancellationToken cancellationToken)
    {
        var account = pseudonymizer.PseudonymizeSupplymatchAccountId(accountNumber);
        using var span = source.StartSupplymatchCheck("address");
        span.SetSupplymatchAccountId(account); // clean precision-pseudonym
        Activity.Current?.SetBaggage("account.number", accountNumber); // leak TC1001 direct

        var validation = await validator.ValidateAsync(supplyAddress, cancellationToken);
        var address = validation.Standardised ?? supplyAddress;
        span.SetSupplymatchVerdict(validation.Verdict.ToString());
        span.Activity?.SetTag("supplymatch.missing", string.Join(",", validation.MissingComponents)); // clean precision-names
        if (validation.Verdict == AddressVerdict.Ambiguous)
        {
            logger.LogInformation("Ambiguous supply address; suggestions {Suggestions}", validation.Suggestions.Select(s => s.Address.FormatSingleLine())); // leak TC1001 strings
            logger.LogInformation("Ambiguous supply address; suggestion UPRNs {Uprns}", string.Join(",", validation.Suggestions.Select(s => s.Uprn))); // leak TC1001 direct
            logger.LogInformation("Ambiguous supply address; {Count} suggestions, best {Score}", validation.Suggestions.Count, validation.Suggestions.Max(s => s.Score)); // clean precision-about
        }

        var candidates = await register.AtPostcodeAsync(address.PostalCode, cancellationToken);
        span.SetSupplymatchCandidateCount(candidates.Count);
        var best = candidates.OrderByDescending(c => c.AddressScore).FirstOrDefault();
        if (best is null)
        {
            var ex = new MeterPointNotFoundException($"{address.Line1}|{address.PostalCode}");
            span.RecordException(ex, "no meter point at address", includeMessage: true); // leak TC1001 exceptions
            logger.LogSupplymatchCheckFailedEvent("address", "no_meter_point", account); // clean generated-api
            _checks.Add(1, "address", "no_meter_point", address.CountryCode);
            return null;
        }

        _score.Record(best.AddressScore, new KeyValuePair<string, object?>("verdict", validation.Verdict.ToString())); // clean precision-about
        span.SetSupplymatchMatchScore(best.AddressScore);
        span.Activity?.SetTag("supplymatch.meter.model", best.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("supplymatch.mpan.distributor", best.Mpan[..2]); // clean precision-about
        logger.LogInformation("Account {Account} matched to MPAN {Mpan} (meter {Serial})", account, best.Mpan, best.MeterSerial); // leak TC1001 direct
        logger.LogDebug("Chosen candidate {Candidate}", best); // leak TC1001 logging-objects
        span.SetSupplymatchNote(candidates.Count > 1 ? $"{candidates.Count} meter points at postcode, picked by score" : "single meter point"); // clean generated-api
        _checks.Add(1, "address", "matched", address.CountryCode);

        var mpanShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(best.Mpan))[0] & 0x1F;
        span.Activity?.SetTag("supplymatch.mpan.shard", mpanShard); // clean hashes
        span.Activity?.SetTag("supplymatch.mpan.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(best.Mpan)))); // leak TC1002 hashes
        return best.Mpan;
    }
}
