namespace PrivacyHoldout94.Gaming;

public sealed record PhoneEnrolment(Guid PlayerId, string Gamertag, string Phone, string CountryHint);

public sealed class PhoneNotEligibleException(string e164, PhoneNumberType type)
    : Exception($"{e164} is a {type} number and cannot receive sign-in codes")
{
    public PhoneNumberType NumberType { get; } = type;
}

/// <summary>
/// Two-step sign-in by SMS: the player's number is parsed with the region they picked, checked to be a
/// mobile (VoIP and premium-rate numbers are refused) and stored in E.164.
/// </summary>
public sealed partial class TwoStepPhoneEnrolment(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TwoStepPhoneEnrolment> logger)
{
    private static readonly PhoneNumberType[] Refused = [PhoneNumberType.VOIP, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.TOLL_FREE];
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly Counter<long> _enrolments = meter.CreateCounter<long>("acctverify.phone.enrolments");

    public string Enrol(PhoneEnrolment enrolment)
    {
        using var span = source.StartAcctverifyCheck("phone");
        span.SetAcctverifyRegion(enrolment.CountryHint); // clean precision-about
        var number = _phones.Parse(enrolment.Phone, enrolment.CountryHint);
        var e164 = _phones.Format(number, PhoneNumberFormat.E164);
        var type = _phones.GetNumberType(number);
        span.SetAcctverifyNumberType(type.ToString()); // clean precision-about
        span.Activity?.SetTag("acctverify.phone.country_code", number.CountryCode); // clean precision-about
        span.Activity?.SetTag("acctverify.phone.has_extension", number.HasExtension); // clean precision-about

        try
        {
            EnsureEligible(e164, type);
        }
        catch (PhoneNotEligibleException ex)
        {
            _enrolments.Add(1, new KeyValuePair<string, object?>("outcome", "refused"), new KeyValuePair<string, object?>("type", ex.NumberType.ToString())); // clean precision-about
            logger.LogInformation(ex, "Phone refused for two-step sign-in"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            throw;
        }

        _enrolments.Add(1, new KeyValuePair<string, object?>("outcome", "enrolled"), new KeyValuePair<string, object?>("gamertag", enrolment.Gamertag)); // leak TC1003 direct
        LogEnrolled(logger, enrolment.PlayerId, _phones.Format(number, PhoneNumberFormat.INTERNATIONAL)); // leak TC1001 strings
        LogEnrolledMasked(logger, pseudonymizer.PseudonymizeAcctverifyPlayerId(enrolment.PlayerId.ToString()), e164.Length); // clean precision-pseudonym
        Activity.Current?.SetTag(AcctverifyAttributes.PlayerContact, pseudonymizer.Pseudonymize("phone", e164)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("acctverify.phone.bucket", (e164.GetHashCode() & 0x7FFFFFFF) % 32); // leak TC1002 hashes
        return e164;
    }

    private static void EnsureEligible(string e164, PhoneNumberType type)
    {
        if (Refused.Contains(type))
        {
            throw new PhoneNotEligibleException(e164, type);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Player {PlayerId} enrolled {Phone} for two-step sign-in")]
    private static partial void LogEnrolled(ILogger logger, Guid playerId, string phone);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Player {Player} enrolled a {Digits}-digit number for two-step sign-in")]
    private static partial void LogEnrolledMasked(ILogger logger, Pseudonym player, int digits);
}
