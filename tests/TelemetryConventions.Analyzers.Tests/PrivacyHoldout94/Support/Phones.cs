namespace ContactKit.Phones;

// A stand-in for libphonenumber (the C# port's names): parse a number typed by a person with a default
// region, validate it, find its type and region, and format it (E.164 for storage).

public enum PhoneNumberFormat
{
    E164,
    INTERNATIONAL,
    NATIONAL,
    RFC3966,
}

public enum PhoneNumberType
{
    FIXED_LINE,
    MOBILE,
    FIXED_LINE_OR_MOBILE,
    TOLL_FREE,
    PREMIUM_RATE,
    VOIP,
    PERSONAL_NUMBER,
    PAGER,
    UNKNOWN,
}

/// <summary>A parsed number. Like libphonenumber's, its text gives the country code and the national number.</summary>
public sealed class PhoneNumber
{
    public int CountryCode { get; init; }

    public ulong NationalNumber { get; init; }

    public string Extension { get; init; } = string.Empty;

    public bool HasExtension => Extension.Length > 0;

    public string RawInput { get; init; } = string.Empty;

    public bool ItalianLeadingZero { get; init; }

    public override string ToString() =>
        $"Country Code: {CountryCode} National Number: {NationalNumber}" + (HasExtension ? $" Extension: {Extension}" : string.Empty);
}

public sealed class PhoneNumberUtil
{
    private static readonly PhoneNumberUtil Instance = new();

    public static PhoneNumberUtil GetInstance() => Instance;

    public PhoneNumber Parse(string numberToParse, string defaultRegion)
    {
        var digits = new string(numberToParse.Where(char.IsDigit).ToArray());
        if (digits.Length < 6)
        {
            throw new NumberParseException(ErrorType.NOT_A_NUMBER, "The string supplied did not seem to be a phone number.");
        }
        return new PhoneNumber { CountryCode = GetCountryCodeForRegion(defaultRegion), NationalNumber = ulong.Parse(digits.TrimStart('0'), CultureInfo.InvariantCulture) };
    }

    public PhoneNumber ParseAndKeepRawInput(string numberToParse, string defaultRegion)
    {
        var number = Parse(numberToParse, defaultRegion);
        return new PhoneNumber { CountryCode = number.CountryCode, NationalNumber = number.NationalNumber, RawInput = numberToParse };
    }

    public string Format(PhoneNumber number, PhoneNumberFormat format) => format switch
    {
        PhoneNumberFormat.E164 => $"+{number.CountryCode}{number.NationalNumber}",
        PhoneNumberFormat.INTERNATIONAL => $"+{number.CountryCode} {number.NationalNumber}",
        PhoneNumberFormat.RFC3966 => $"tel:+{number.CountryCode}-{number.NationalNumber}",
        _ => "0" + number.NationalNumber.ToString(CultureInfo.InvariantCulture),
    };

    public bool IsValidNumber(PhoneNumber number) => number.NationalNumber > 99999;

    public bool IsPossibleNumber(PhoneNumber number) => number.NationalNumber > 9999;

    public PhoneNumberType GetNumberType(PhoneNumber number) =>
        number.NationalNumber.ToString(CultureInfo.InvariantCulture).StartsWith('7') ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE;

    public string GetRegionCodeForNumber(PhoneNumber number) => number.CountryCode switch
    {
        44 => "GB",
        353 => "IE",
        1 => "US",
        33 => "FR",
        _ => "ZZ",
    };

    public int GetCountryCodeForRegion(string regionCode) => regionCode switch
    {
        "GB" => 44,
        "IE" => 353,
        "US" => 1,
        "FR" => 33,
        _ => 0,
    };
}

public enum ErrorType
{
    INVALID_COUNTRY_CODE,
    NOT_A_NUMBER,
    TOO_SHORT_AFTER_IDD,
    TOO_SHORT_NSN,
    TOO_LONG,
}

/// <summary>libphonenumber's parse failure: a fixed message per error type, never the input.</summary>
public sealed class NumberParseException(ErrorType errorType, string message) : Exception(message)
{
    public ErrorType ErrorType { get; } = errorType;
}
