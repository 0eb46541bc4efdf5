using ContactKit.Addressing;

namespace ContactKit.Matching;

// Duplicate detection: match keys for blocking, fuzzy comparison (Jaro-Winkler) of candidate pairs,
// and the survivorship merge of duplicates.

public sealed record ContactRecord(
    string RecordId,
    string? Email,
    string? Phone,
    string? GivenName,
    string? FamilyName,
    PostalAddress? Address,
    DateOnly? BirthDate);

/// <summary>A blocking key: <see cref="Kind"/> says how it was built ("name+postcode"), <see cref="Value"/> is the key.</summary>
public sealed record MatchKey(string Kind, string Value);

public static class MatchKeys
{
    public static MatchKey NamePostcode(ContactRecord record) =>
        new("name+postcode", $"{record.FamilyName?.ToUpperInvariant()}|{record.GivenName?[..1].ToUpperInvariant()}|{record.Address?.PostalCode.Replace(" ", string.Empty, StringComparison.Ordinal)}");

    public static MatchKey Email(ContactRecord record) => new("email", record.Email?.Trim().ToLowerInvariant() ?? string.Empty);

    public static MatchKey Phone(ContactRecord record) => new("phone", record.Phone ?? string.Empty);
}

/// <summary>A pair of records the matcher thinks may be the same person.</summary>
public sealed record MatchCandidate(string LeftId, string RightId, double Score, string Rule, IReadOnlyList<string> AgreeingFields);

public sealed class FuzzyMatcher
{
    public IReadOnlyList<MatchCandidate> FindCandidates(IEnumerable<ContactRecord> records, double threshold) => Array.Empty<MatchCandidate>();

    public double Score(ContactRecord left, ContactRecord right) =>
        JaroWinkler(left.FamilyName ?? string.Empty, right.FamilyName ?? string.Empty);

    public static double JaroWinkler(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.5;
}

public sealed record MergeResult(string SurvivorId, IReadOnlyList<string> MergedIds, IReadOnlyList<string> FieldsTaken, int ConflictCount);

/// <summary>Two records disagree on a field survivorship cannot settle; the message quotes both values.</summary>
public sealed class MergeConflictException(string field, string? leftValue, string? rightValue)
    : Exception($"Conflicting {field}: '{leftValue}' vs '{rightValue}'")
{
    public string Field { get; } = field;
}

public interface IContactMerger
{
    Task<MergeResult> MergeAsync(string survivorId, IReadOnlyList<string> duplicateIds, CancellationToken cancellationToken = default);
}
