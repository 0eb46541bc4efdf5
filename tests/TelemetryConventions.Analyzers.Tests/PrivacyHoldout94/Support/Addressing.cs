namespace ContactKit.Addressing;

// A postal address validation and postcode lookup client, in the shape of the address APIs teams buy
// (Loqate/Google Address Validation-like): an address in, a verdict, a standardised address and
// suggestions out.

/// <summary>A postal address as the caller typed it or the validator standardised it.</summary>
public sealed record PostalAddress(
    string Line1,
    string? Line2,
    string Locality,
    string? AdministrativeArea,
    string PostalCode,
    string CountryCode)
{
    /// <summary>The outward part of a UK postcode (the district), e.g. "SW1A".</summary>
    public string OutwardCode => Postcodes.OutwardCode(PostalCode);

    public string FormatSingleLine() =>
        string.Join(", ", new[] { Line1, Line2, Locality, AdministrativeArea, PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public enum AddressVerdict
{
    Verified,
    Corrected,
    Ambiguous,
    Unverifiable,
}

/// <summary>The level at which the input matched the reference data.</summary>
public enum MatchLevel
{
    Premise,
    Street,
    Locality,
    PostalCode,
    None,
}

/// <summary>A candidate address offered for an ambiguous or unverifiable input, with the property's reference number.</summary>
public sealed record AddressSuggestion(PostalAddress Address, double Score, string Uprn);

/// <summary>What the validator says of an address.</summary>
public sealed record AddressValidationResult(
    AddressVerdict Verdict,
    MatchLevel MatchLevel,
    double Confidence,
    PostalAddress? Standardised,
    IReadOnlyList<AddressSuggestion> Suggestions,
    IReadOnlyList<string> CorrectedComponents,
    IReadOnlyList<string> MissingComponents)
{
    public bool IsDeliverable => Verdict is AddressVerdict.Verified or AddressVerdict.Corrected;
}

public interface IAddressValidator
{
    Task<AddressValidationResult> ValidateAsync(PostalAddress input, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when the input cannot be parsed into components; the message quotes the offending component.</summary>
public sealed class AddressValidationException(string component, string? value)
    : Exception($"Could not parse {component} '{value}'")
{
    public string Component { get; } = component;

    public string? Value { get; } = value;
}

/// <summary>The validator's service refused the request (quota, key, outage). The message is the service's.</summary>
public sealed class AddressServiceUnavailableException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>The addresses at a postcode.</summary>
public sealed record PostcodeLookupResult(string Postcode, string OutwardCode, string PostTown, IReadOnlyList<PostalAddress> Addresses);

public interface IPostcodeLookup
{
    Task<PostcodeLookupResult> FindAsync(string postcode, CancellationToken cancellationToken = default);
}

public sealed class PostcodeNotFoundException(string postcode) : Exception($"Postcode '{postcode}' was not found")
{
    public string Postcode { get; } = postcode;
}

public static class Postcodes
{
    public static string Normalise(string postcode)
    {
        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? compact[..^3] + " " + compact[^3..] : compact;
    }

    public static string OutwardCode(string postcode)
    {
        var normalised = Normalise(postcode);
        var space = normalised.IndexOf(' ');
        return space > 0 ? normalised[..space] : normalised;
    }

    public static bool IsWellFormed(string postcode) => Normalise(postcode).Length is >= 6 and <= 8;
}
