namespace PrivacyHoldout94.Retail;

public interface ICustomerFile
{
    Task<IReadOnlyList<ContactRecord>> WithEmailOrPhoneAsync(string email, string? e164, CancellationToken cancellationToken);
}

/// <summary>
/// When a guest checks out with an email or phone already on the customer file, the two are matched
/// and, above the threshold, the guest order is merged into the existing customer. Records are keyed
/// by customer number.
/// </summary>
public sealed class CustomerMergeService(
    ICustomerFile customers,
    FuzzyMatcher matcher,
    IContactMerger merger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<CustomerMergeService> logger)
{
    private readonly CheckoutaddrChecksCounter _checks = meter.CreateCheckoutaddrChecksCounter();
    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("checkoutaddr.match.score");

    public async Task<string?> MatchGuestAsync(ContactRecord guest, CancellationToken cancellationToken)
    {
        using var span = source.StartCheckoutaddrCheck("match");
        span.SetCheckoutaddrCustomerId(Pseudonym.FromComputed(guest.RecordId)); // leak TC1001 precision-pseudonym
        var emailKey = MatchKeys.Email(guest);
        var phoneKey = MatchKeys.Phone(guest);
        span.Activity?.SetTag("checkoutaddr.match.keys", $"{emailKey.Kind},{phoneKey.Kind}"); // clean precision-names
        logger.LogDebug("Blocking on {EmailKey} and {PhoneKey}", emailKey, phoneKey); // leak TC1001 logging-objects

        var existing = await customers.WithEmailOrPhoneAsync(emailKey.Value, guest.Phone, cancellationToken);
        span.SetCheckoutaddrCandidateCount(existing.Count);
        if (existing.Count == 0)
        {
            span.SetCheckoutaddrOutcome("new_customer");
            return null;
        }

        var scored = existing.Select(e => (Record: e, Score: matcher.Score(guest, e))).OrderByDescending(p => p.Score).ToList();
        var best = scored[0];
        _scores.Record(best.Score, new KeyValuePair<string, object?>("key", emailKey.Value == best.Record.Email ? "email" : "phone")); // clean precision-about
        span.SetCheckoutaddrMatchScore(best.Score);
        span.SetCheckoutaddrCustomerId(pseudonymizer.PseudonymizeCheckoutaddrCustomerId(best.Record.RecordId)); // clean precision-pseudonym

        var familyScore = FuzzyMatcher.JaroWinkler(guest.FamilyName ?? "", best.Record.FamilyName ?? "");
        span.Activity?.SetTag("checkoutaddr.match.family_name_score", familyScore); // clean precision-about
        if (familyScore < 0.9)
        {
            span.Activity?.SetTag("checkoutaddr.match.names", $"{guest.FamilyName} ~ {best.Record.FamilyName}"); // leak TC1001 strings
        }

        if (best.Score < options.MatchThreshold)
        {
            _checks.Add(1, "match", "below_threshold");
            logger.LogInformation("Guest matched customer {CustomerNumber} only at {Score}", best.Record.RecordId, best.Score); // leak TC1001 direct
            return null;
        }

        try
        {
            var merged = await merger.MergeAsync(best.Record.RecordId, [guest.RecordId], cancellationToken);
            span.SetCheckoutaddrOutcome("merged");
            span.SetCheckoutaddrNote($"took {string.Join("/", merged.FieldsTaken)} from guest, {merged.ConflictCount} conflicts"); // clean generated-api
            logger.LogInformation("Guest merged into {Survivor}", pseudonymizer.PseudonymizeCheckoutaddrCustomerId(merged.SurvivorId)); // clean precision-pseudonym
            return merged.SurvivorId;
        }
        catch (MergeConflictException ex)
        {
            span.RecordException(ex, $"conflict on {ex.Field}"); // clean exceptions
            logger.LogCheckoutaddrCheckFailedEvent("match", "conflict", pseudonymizer.PseudonymizeCheckoutaddrCustomerId(best.Record.RecordId), checkoutaddrNote: ex.Message); // leak TC1001 generated-api
            return null;
        }
    }
}
